using HuilongbaMediation.Web.Features.CaseFile.Binding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace HuilongbaMediation.Web.Tests.Features.CaseFile;

/// <summary>
/// A test that needs LibreOffice (the bound 卷宗 PDF). xunit 2 has no dynamic skip, so the attribute skips the test, with
/// the reason, when no soffice is found, unless DOCS_REQUIRED=1 (CI), in which case it runs and fails with the reason.
/// </summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("DOCS_REQUIRED") != "1"
            && new LibreOffice(new ConfigurationBuilder().Build(), NullLogger<LibreOffice>.Instance).Unavailable is { } why)
        {
            Skip = why;
        }
    }
}
