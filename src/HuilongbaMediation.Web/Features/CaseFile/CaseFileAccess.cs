using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Web.Features.CaseFile;

/// <summary>
/// Who may add to a 卷宗 and take from it, on top of reading the case (CaseAccess.CanRead, checked with
/// IAuthorizationService). Filing papers is part of handling the case, so it is for those who handle it: the case's
/// own mediators, the village head of its village and the judicial office. Admins read every case but handle none,
/// and a mediator of the village who is not on the case only reads. Removing a paper is for whoever filed it (a
/// wrong upload) and the judicial office.
/// </summary>
public static class CaseFileAccess
{
    public static bool MayUpload(MediationCase @case, Actor actor) => actor.Role switch
    {
        UserRole.JudicialOffice => true,
        UserRole.VillageHead => @case.VillageId == actor.VillageId,
        UserRole.Mediator => @case.Mediators.Any(m => m.UserId == actor.UserId),
        _ => false,
    };

    public static bool MayDelete(CaseAttachment attachment, Actor actor) =>
        actor.Role == UserRole.JudicialOffice || attachment.UploadedById == actor.UserId;
}
