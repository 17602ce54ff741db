namespace HuilongbaMediation.Domain.Common;

/// <summary>
/// One thing wrong with what the user entered. <paramref name="Field"/> is the path the form binds to
/// ("Summary", "Parties[0].IdNumber"); <paramref name="Message"/> is shown beside it, in Chinese.
/// </summary>
public sealed record FieldError(string Field, string Message);
