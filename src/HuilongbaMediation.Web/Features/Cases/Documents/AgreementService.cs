using System.Security.Claims;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Cases.Documents;

/// <summary>
/// The 调解协议书 of a case, for the Word file and the print view. It takes the user as a parameter because the
/// Word file is served by an endpoint, outside any circuit, where only the request knows the user.
/// </summary>
public sealed class AgreementService(IDbContextFactory<AppDbContext> dbFactory, IAuthorizationService authorization)
{
    /// <summary>
    /// NotFound for a missing case and for one without a written agreement (an oral agreement has no document);
    /// Forbidden for a user who may not read the case, before anything about its agreement is told.
    /// </summary>
    public async Task<(Result<CaseRef> Result, AgreementSheet? Sheet)> GetAsync(ClaimsPrincipal user, int caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Cases.AsNoTracking()
            .Include(x => x.Parties)
            .Include(x => x.Mediators)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null)
        {
            return (Result.NotFound(CaseMessages.NotFound).Of<CaseRef>(), null);
        }

        if (!(await authorization.AuthorizeAsync(user, c, CaseOperations.Read)).Succeeded)
        {
            return (Result.Forbidden(CaseMessages.Forbidden).Of<CaseRef>(), null);
        }

        if (c.Agreement?.Kind != AgreementKind.Written)
        {
            return (Result.NotFound("此案件没有书面调解协议书").Of<CaseRef>(), null);
        }

        return (Result.Made(new CaseRef(c.Id, c.Number, c.Version, c.Status)), AgreementSheet.From(c));
    }
}
