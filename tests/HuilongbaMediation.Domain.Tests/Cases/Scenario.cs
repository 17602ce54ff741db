using System.Text.Json;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Tests.Common;

namespace HuilongbaMediation.Domain.Tests.Cases;

/// <summary>
/// Builds cases through the intent methods only, on a clock that moves one hour per operation, and fires any
/// trigger or recorded action with valid data.
/// </summary>
internal sealed class Scenario
{
    public static readonly string ApplicantIdNumber = TestIdNumbers.Make("500106", new DateOnly(1990, 1, 1), 123);
    public const string ApplicantPhone = "13812341234";

    public static readonly MediatorAssignment LeadAndAssistant = new(
        new MediatorRef(Actors.Lead.UserId, Actors.Lead.DisplayName),
        [new MediatorRef(Actors.Assistant.UserId, Actors.Assistant.DisplayName)]);

    /// <summary>09:00 on 2 March 2026 in 回龙坝.</summary>
    public DateTime Now { get; private set; } = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    public DateOnly Today => ChinaClock.Today(Now);

    public DateTime Tick() => Now = Now.AddHours(1);

    public static CaseDraft Draft(DateOnly filedOn) => new()
    {
        Summary = "邻里之间因排水沟堵塞引发纠纷，双方多次争吵。",
        CategoryId = 2,
        SourceId = 1,
        VillageId = Actors.Village,
        MediationKindId = 1,
        AmountInvolved = 1200.50m,
        PeopleInvolved = 2,
        RiskLevel = RiskLevel.Low,
        FiledOn = filedOn,
        Parties =
        [
            new PartyDraft
            {
                Role = PartyRole.Applicant,
                Kind = PartyKind.Person,
                Name = "张三",
                Gender = Gender.Male,
                IdNumber = ApplicantIdNumber,
                Phone = ApplicantPhone,
                RegisteredAddress = "回龙坝镇大水沟村3组",
                CurrentAddress = "回龙坝镇聚龙城社区5栋",
            },
            new PartyDraft { Role = PartyRole.Respondent, Kind = PartyKind.Person, Name = "李四", Phone = "023-65123456" },
        ],
    };

    /// <summary>A freshly filed case without mediators; its parties get ids 1, 2 as if saved.</summary>
    public MediationCase FileCase()
    {
        var @case = Ok(MediationCase.File(Draft(Today), Actors.VillageHead, Tick(), Today));
        for (var i = 0; i < @case.Parties.Count; i++)
        {
            @case.Parties[i].Id = i + 1;
        }

        return @case;
    }

    /// <summary>
    /// A case in <paramref name="status"/> with every guard of the table satisfied: a lead is assigned, a session
    /// is recorded, and a resolved case has a follow-up that found the agreement unperformed.
    /// </summary>
    public MediationCase In(CaseStatus status)
    {
        var @case = FileCase();
        Ok(Record(@case, CaseAction.AssignMediators, Actors.VillageHead));
        foreach (var (trigger, actor) in PathTo(status))
        {
            Ok(Fire(@case, trigger, actor));
            if (trigger == CaseTrigger.Resolve)
            {
                Ok(Record(@case, CaseAction.RecordFollowUp, Actors.Lead, PerformanceStatus.None));
            }
        }

        Assert.Equal(status, @case.Status);
        return @case;
    }

    private static (CaseTrigger, Actor)[] PathTo(CaseStatus status) => status switch
    {
        CaseStatus.Filed => [],
        CaseStatus.Declined => [(CaseTrigger.Decline, Actors.VillageHead)],
        CaseStatus.Mediating => [(CaseTrigger.Accept, Actors.Lead), (CaseTrigger.RecordSession, Actors.Lead)],
        CaseStatus.Resolved => [.. PathTo(CaseStatus.Mediating), (CaseTrigger.Resolve, Actors.Lead)],
        CaseStatus.ReferralPending => [.. PathTo(CaseStatus.Mediating), (CaseTrigger.Refer, Actors.Assistant)],
        CaseStatus.ReferralApproved => [.. PathTo(CaseStatus.ReferralPending), (CaseTrigger.ApproveReferral, Actors.JudicialOffice)],
        CaseStatus.Terminated => [.. PathTo(CaseStatus.Mediating), (CaseTrigger.Terminate, Actors.Lead)],
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "never stored"),
    };

    /// <summary>Fires a trigger through its intent method with valid data, one hour after the last operation.</summary>
    public WorkflowResult Fire(MediationCase @case, CaseTrigger trigger, Actor actor)
    {
        var now = Tick();
        var today = ChinaClock.Today(now);
        return trigger switch
        {
            CaseTrigger.Accept => @case.Accept(actor, now, new AcceptInput(today)),
            CaseTrigger.Decline => @case.Decline(actor, now, new DeclineInput("双方已向法院起诉", today)),
            CaseTrigger.RecordSession => @case.RecordSession(actor, now, new SessionInput(today, 3, "张三、李四", "双方陈述了各自意见。")),
            CaseTrigger.Resolve => @case.Resolve(actor, now, WrittenAgreement(today)),
            CaseTrigger.Refer => @case.Refer(actor, now, new ReferInput(1, "涉及人身伤害，需由派出所处理", Urgent: true, today)),
            CaseTrigger.Terminate => @case.Terminate(actor, now, new TerminateInput(TerminationReason.Other, "一方外出务工，无法联系", today)),
            CaseTrigger.ApproveReferral => @case.ApproveReferral(actor, now, new ApproveReferralInput("回龙坝派出所", "HLB-2026-017", today)),
            CaseTrigger.ReturnReferral => @case.ReturnReferral(actor, now, new ReturnReferralInput("可先行调解", today)),
            CaseTrigger.Reopen => @case.Reopen(actor, now, new ReopenInput("回访发现被申请人未按期付款", today)),
            _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
        };
    }

    /// <summary>Takes a recorded action with valid data, one hour after the last operation.</summary>
    public WorkflowResult Record(MediationCase @case, CaseAction action, Actor actor, PerformanceStatus performance = PerformanceStatus.None)
    {
        var now = Tick();
        var today = ChinaClock.Today(now);
        return action switch
        {
            CaseAction.AssignMediators => @case.AssignMediators(actor, now, LeadAndAssistant),
            CaseAction.ExtendDeadline => @case.ExtendDeadline(actor, now, new ExtendDeadlineInput((@case.DueOn is { } due && due > today ? due : today).AddDays(15), "当事人外出，需延期")),
            CaseAction.RecordFollowUp => @case.RecordFollowUp(actor, now, new FollowUpInput(today, performance, "电话回访")),
            CaseAction.RecordJudicialConfirmation => @case.RecordJudicialConfirmation(actor, now, new JudicialConfirmationInput(true, today, "沙坪坝区人民法院", null)),
            CaseAction.RevealPersonalData => @case.RevealPersonalData(actor, now, 1, PersonalDataField.IdNumber),
            CaseAction.IssueOriginal => @case.RecordOriginalIssued(actor, now, new OriginalIssued("人民调解协议书", "打印")),
            CaseAction.ScheduleSession => @case.ScheduleSession(actor, now, new ScheduleSessionInput(today.AddDays(1), new TimeOnly(9, 30), 1, "二楼调解室") { VenueName = "和顺茶馆（聚龙城社区）" }),
            CaseAction.CorrectParty => @case.CorrectParty(actor, now, new PartyCorrection
            {
                PartyId = 2,
                Party = Draft(today).Parties[1] with { Occupation = $"务工（{now:HH}时更正）", Phone = null },
            }),
            CaseAction.AddParty => @case.AddParty(actor, now, new PartyDraft { Role = PartyRole.ThirdParty, Kind = PartyKind.Person, Name = "王五" }),
            CaseAction.AssignCommittee => @case.AssignCommittee(actor, now, new AssignCommitteeInput((@case.CommitteeId ?? 0) + 1) { CommitteeName = "回龙坝镇大水沟村人民调解委员会" }),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a recorded action on a case"),
        };
    }

    public static AgreementInput WrittenAgreement(DateOnly signedOn) => new()
    {
        Kind = AgreementKind.Written,
        Facts = "被申请人修建围墙堵塞了排水沟。",
        MattersInDispute = "排水沟的疏通及损失赔偿。",
        Responsibilities = "被申请人负主要责任。",
        Terms = "被申请人于十日内疏通排水沟并赔偿申请人500元。",
        PerformanceManner = "现金支付",
        PerformanceDeadline = signedOn.AddDays(10),
        SignedOn = signedOn,
    };

    public static T Ok<T>(WorkflowResult<T> result)
    {
        Assert.True(result.IsOk, result.ToString());
        return result.Value;
    }

    public static void Ok(WorkflowResult result) => Assert.True(result.IsOk, result.ToString());

    /// <summary>Everything public about a case, to show that a refused operation changed nothing.</summary>
    public static string Snapshot(MediationCase @case) => JsonSerializer.Serialize(@case);
}
