namespace HuilongbaMediation.Domain.Reference;

/// <summary>
/// The dispute categories that rules depend on, by their stable code (an administrator may rename a category, never
/// recode it): the early warning counts group disputes of the labour group and of 征地拆迁, and the statistics group
/// the labour categories under one heading. The seed (Data/Seeding/ReferenceData) uses these codes.
/// </summary>
public static class CategoryCodes
{
    public const string LandRequisition = "land-requisition";
    public const string LabourWages = "labour-wages";
    public const string LabourOther = "labour-other";

    /// <summary>The heading the labour categories are counted under (劳动争议).</summary>
    public const string LabourGroup = "劳动争议";

    public static bool IsLabour(string? code) => code is LabourWages or LabourOther;
}
