using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.Cases;

namespace HuilongbaMediation.Tests.Shared;

/// <summary>What the commands need that are not in the case itself: today, a venue, a referral target, two mediators.</summary>
public sealed record CommandInputs(DateOnly Today, int Venue, int Target, string Lead, string Assistant);

/// <summary>
/// Each case-page command fired through <see cref="CaseService"/> with valid input dated today, as a user who filled its
/// form correctly would: the soak test and the crash writer drive the real write path with it. (Linked into both projects.)
/// </summary>
public static class ValidCommands
{
    public static Task<Result<CaseRef>> FireAsync(CaseService s, CaseDetails c, CaseCommand command, CommandInputs i, Random random) => command.Name switch
    {
        nameof(CaseTrigger.Accept) => s.AcceptAsync(c.Id, c.Version, new AcceptInput(i.Today)),
        nameof(CaseTrigger.Decline) => s.DeclineAsync(c.Id, c.Version, new DeclineInput("已向法院起诉", i.Today)),
        nameof(CaseTrigger.RecordSession) => s.RecordSessionAsync(c.Id, c.Version, new SessionInput(i.Today, i.Venue, "双方当事人", "双方陈述意见，调解员释法说理")),
        nameof(CaseTrigger.Resolve) => s.ResolveAsync(c.Id, c.Version, new AgreementInput { Kind = AgreementKind.Oral, Terms = "双方口头约定共同疏通排水沟", SignedOn = i.Today }),
        nameof(CaseTrigger.Refer) => s.ReferAsync(c.Id, c.Version, new ReferInput(i.Target, "需诉讼解决", random.Next(4) == 0, i.Today)),
        nameof(CaseTrigger.Terminate) => s.TerminateAsync(c.Id, c.Version, new TerminateInput(TerminationReason.PartyRefused, null, i.Today)),
        nameof(CaseTrigger.ApproveReferral) => s.ApproveReferralAsync(c.Id, c.Version, new ApproveReferralInput("陈家桥人民法庭", null, i.Today)),
        nameof(CaseTrigger.ReturnReferral) => s.ReturnReferralAsync(c.Id, c.Version, new ReturnReferralInput("请继续调解", i.Today)),
        nameof(CaseTrigger.Reopen) => s.ReopenAsync(c.Id, c.Version, new ReopenInput("协议未履行", i.Today)),
        nameof(CaseAction.AssignMediators) => s.AssignMediatorsAsync(c.Id, c.Version, i.Lead, random.Next(2) == 0 ? [i.Assistant] : []),
        nameof(CaseAction.ExtendDeadline) => s.ExtendDeadlineAsync(c.Id, c.Version, new ExtendDeadlineInput((c.DueOn is { } due && due > i.Today ? due : i.Today).AddDays(10), "当事人外出务工，申请延期")),
        nameof(CaseAction.RecordFollowUp) => s.RecordFollowUpAsync(c.Id, c.Version, new FollowUpInput(i.Today, random.Next(3) == 0 ? PerformanceStatus.None : PerformanceStatus.Full, null)),
        nameof(CaseAction.ScheduleSession) => s.ScheduleSessionAsync(c.Id, c.Version, new ScheduleSessionInput(i.Today.AddDays(1 + random.Next(7)), new TimeOnly(9, 30), i.Venue, null)),
        nameof(CaseAction.RecordJudicialConfirmation) => s.RecordJudicialConfirmationAsync(c.Id, c.Version, new JudicialConfirmationInput(true, null, null, null)),
        nameof(CaseAction.AddParty) => s.AddPartyAsync(c.Id, c.Version, new PartyDraft { Role = PartyRole.ThirdParty, Kind = PartyKind.Person, Name = $"第三人{random.Next(100)}" }),

        // The seeded committees come first: another of the first three than the case's own.
        nameof(CaseAction.AssignCommittee) => s.AssignCommitteeAsync(c.Id, c.Version, new[] { 1, 2, 3 }.First(id => id != c.CommitteeId)),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.Name, null),
    };

    /// <summary>A command the page offered; ending a case for good (decline, terminate, approve a referral) only now and then, so cases live long.</summary>
    public static CaseCommand? Pick(IReadOnlyList<CaseCommand> offered, Random random)
    {
        var weighted = offered.Where(c => c.Name is not (nameof(CaseTrigger.Decline) or nameof(CaseTrigger.Terminate) or nameof(CaseTrigger.ApproveReferral))
            || random.Next(25) == 0).ToList();
        return weighted.Count == 0 ? null : weighted[random.Next(weighted.Count)];
    }
}
