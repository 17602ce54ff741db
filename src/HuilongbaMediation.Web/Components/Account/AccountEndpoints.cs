using HuilongbaMediation.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HuilongbaMediation.Web.Components.Account;

public static class AccountEndpoints
{
    /// <summary>POST /account/logout (with the antiforgery token of the form in the app bar).</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/account/logout", async ([FromServices] SignInManager<AppUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        }).AllowAnonymous();
}
