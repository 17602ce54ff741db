using HuilongbaMediation.Domain.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace HuilongbaMediation.Web.Security;

/// <summary>Resource operations on a case, checked with IAuthorizationService in every case service method.</summary>
public static class CaseOperations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
}

/// <summary>Answers from <see cref="CaseAccess"/>, the one place the domain keeps who may see what.</summary>
public sealed class CaseAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, MediationCase>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, MediationCase resource)
    {
        if (requirement.Name == CaseOperations.Read.Name && context.User.ToActor() is { } actor && CaseAccess.CanRead(resource, actor))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
