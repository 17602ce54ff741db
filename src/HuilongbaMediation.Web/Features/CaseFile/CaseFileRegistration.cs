using HuilongbaMediation.Web.Features.Cases.Documents;
using HuilongbaMediation.Web.Security;

namespace HuilongbaMediation.Web.Features.CaseFile;

/// <summary>The services and endpoints of the 卷宗 and of the case documents it lists (the 调解协议书).</summary>
public static class CaseFileRegistration
{
    public static IServiceCollection AddCaseFile(this IServiceCollection services)
    {
        services.AddScoped<AgreementService>();
        services.AddScoped<CaseFileService>();
        services.AddSingleton<CaseFileStore>();
        return services;
    }

    public static void MapCaseFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CaseDocumentEndpoints.AgreementDocxRoute, CaseDocumentEndpoints.GetAgreementDocxAsync)
            .RequireAuthorization(Policies.SignedIn);
        endpoints.MapGet(CaseFileEndpoints.AttachmentRoute, CaseFileEndpoints.GetAttachmentAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSecurityHeadersPolicy(SecurityHeaders.FilePolicy);
    }
}
