namespace HuilongbaMediation.Web.Resources;

/// <summary>Marker for the ledger pages' texts (导入台账, 别名表): ImportText.resx (Chinese, neutral) and ImportText.en.resx.</summary>
public sealed class ImportText;
