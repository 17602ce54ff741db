using HuilongbaMediation.Domain.Cases;

namespace HuilongbaMediation.Web.Features.CaseFile;

/// <summary>
/// Which items of the 卷内目录 a case needs, so that 完整度 counts only those: an 授权委托书 only when a party acts through an
/// agent; the agreement, its 履行凭证 and the 回访记录 only for a case resolved by agreement; the 司法确认材料 only when the
/// parties applied for confirmation. Every other item is needed by every case.
/// </summary>
public static class CaseFileRequirements
{
    public static bool IsRequired(CaseFileItem item, MediationCase c) => item switch
    {
        CaseFileItem.PowerOfAttorney => c.Parties.Any(p => p.HasAgent),
        CaseFileItem.Agreement or CaseFileItem.PerformanceProof or CaseFileItem.FollowUpRecord => c.Agreement is not null,
        CaseFileItem.JudicialConfirmation => c.JudicialConfirmation?.AppliedOn is not null,
        _ => true,
    };
}
