using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Web.Tests.Infrastructure;

public static class People
{
    /// <summary>A user of this role (of a village, for the roles that have one) for components that take the signed-in user.</summary>
    public static Actor Someone(UserRole role) =>
        new($"someone-{role}", role.ToString(), role, role.BelongsToVillage() ? 3 : null);
}
