using HuilongbaMediation.Web.Features.Cases.Documents;
using HuilongbaMediation.Web.Security;

namespace HuilongbaMediation.Web.Features.CaseFile;

/// <summary>The services and endpoints of the 卷宗 and of the case documents it lists (every official form of the case).</summary>
public static class CaseFileRegistration
{
    public static IServiceCollection AddCaseFile(this IServiceCollection services)
    {
        services.AddScoped<DocumentService>();
        services.AddScoped<CaseFileService>();
        services.AddSingleton<CaseFileStore>();
        services.AddSingleton<Binding.LibreOffice>();
        services.AddScoped<Binding.BoundFileService>();
        return services;
    }

    public static void MapCaseFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CaseDocumentEndpoints.DocxRoute, CaseDocumentEndpoints.GetDocxAsync)
            .RequireAuthorization(Policies.SignedIn);
        endpoints.MapGet(Binding.BoundFileEndpoints.Route, Binding.BoundFileEndpoints.GetAsync)
            .RequireAuthorization(Policies.SignedIn);
        endpoints.MapGet(CaseFileEndpoints.AttachmentRoute, CaseFileEndpoints.GetAttachmentAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSecurityHeadersPolicy(SecurityHeaders.FilePolicy);
    }
}
