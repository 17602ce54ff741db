using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using static HuilongbaMediation.Domain.Tests.Cases.Scenario;

namespace HuilongbaMediation.Domain.Tests.Cases;

/// <summary>
/// What the official forms need from the steps of a case: a session's kind, time and 记录人, the agreement's 记录人, the
/// person visited and the satisfaction of a follow-up, the court's number of a judicial confirmation, and the record of
/// who took the originals that carry the parties' full details.
/// </summary>
public sealed class DocumentFieldsTests
{
    private readonly Scenario _scenario = new();

    [Fact]
    public void A_session_keeps_its_kind_times_and_recorder_and_the_history_tells_them()
    {
        var @case = _scenario.In(CaseStatus.Mediating);
        var input = new SessionInput(_scenario.Today, 1, "张三、李四", "到现场查看排水沟。")
        {
            Kind = SessionKind.Investigation,
            StartTime = new TimeOnly(9, 30),
            EndTime = new TimeOnly(11, 5),
            Recorder = " 周记录 ",
            VenueName = "上门调解",
        };

        Ok(@case.RecordSession(Actors.Lead, _scenario.Tick(), input));

        var session = @case.Sessions[^1];
        Assert.Equal(
            (SessionKind.Investigation, new TimeOnly(9, 30), new TimeOnly(11, 5), "周记录"),
            (session.Kind, session.StartTime, session.EndTime, session.Recorder));
        Assert.Equal(
            $"调查；调解日期 {_scenario.Today.ToLabel()} 9时30分至11时05分；调解场所：上门调解；参加人员：张三、李四；记录人：周记录",
            @case.History[^1].Details);
    }

    [Fact]
    public void A_session_without_times_or_recorder_is_a_mediation_session_as_before()
    {
        var @case = _scenario.In(CaseStatus.Mediating);

        Ok(@case.RecordSession(Actors.Lead, _scenario.Tick(), new SessionInput(_scenario.Today, 1, "张三、李四", "双方陈述。")));

        Assert.Equal((SessionKind.Mediation, null, null, null), (@case.Sessions[^1].Kind, @case.Sessions[^1].StartTime, @case.Sessions[^1].EndTime, @case.Sessions[^1].Recorder));
    }

    [Theory]
    [InlineData(null, 10, "StartTime", "填写结束时间的，请先填写开始时间")]
    [InlineData(10, 10, "EndTime", "结束时间须晚于开始时间")]
    [InlineData(11, 10, "EndTime", "结束时间须晚于开始时间")]
    public void A_session_ends_after_it_starts(int? startHour, int endHour, string field, string message)
    {
        var @case = _scenario.In(CaseStatus.Mediating);
        var before = Snapshot(@case);

        var result = @case.RecordSession(Actors.Lead, _scenario.Tick(), new SessionInput(_scenario.Today, 1, "张三", "陈述。")
        {
            StartTime = startHour is { } h ? new TimeOnly(h, 0) : null,
            EndTime = new TimeOnly(endHour, 0),
        });

        Assert.Equal([new FieldError(field, message)], result.Errors);
        Assert.Equal(before, Snapshot(@case));
    }

    [Fact]
    public void The_agreement_keeps_its_recorder()
    {
        var @case = _scenario.In(CaseStatus.Mediating);
        Ok(@case.RecordSession(Actors.Lead, _scenario.Tick(), new SessionInput(_scenario.Today, 1, "张三、李四", "达成一致。")));

        Ok(@case.Resolve(Actors.Lead, _scenario.Tick(), WrittenAgreement(_scenario.Today) with { Recorder = "周记录" }));

        Assert.Equal("周记录", @case.Agreement!.Recorder);
        var tooLong = _scenario.In(CaseStatus.Mediating);
        Ok(tooLong.RecordSession(Actors.Lead, _scenario.Tick(), new SessionInput(_scenario.Today, 1, "张三", "陈述。")));
        Assert.Equal(
            [new FieldError("Recorder", "记录人不能超过 50 字")],
            tooLong.Resolve(Actors.Lead, _scenario.Tick(), WrittenAgreement(_scenario.Today) with { Recorder = new string('周', 51) }).Errors);
    }

    [Fact]
    public void A_follow_up_keeps_the_person_visited_and_the_satisfaction()
    {
        var @case = _scenario.In(CaseStatus.Resolved);

        Ok(@case.RecordFollowUp(Actors.Lead, _scenario.Tick(), new FollowUpInput(_scenario.Today, PerformanceStatus.Full, "已付清。")
        {
            VisitedPerson = "张三",
            Satisfaction = Satisfaction.FairlySatisfied,
        }));

        var visit = @case.FollowUps[^1];
        Assert.Equal(("张三", Satisfaction.FairlySatisfied), (visit.VisitedPerson, visit.Satisfaction));
        Assert.Equal($"回访日期 {_scenario.Today.ToLabel()}；回访对象：张三；履行情况：全部履行；满意度：基本满意；已付清。", @case.History[^1].Details);
        Assert.Equal(
            [new FieldError("Satisfaction", "请选择满意度")],
            @case.RecordFollowUp(Actors.Lead, _scenario.Tick(), new FollowUpInput(_scenario.Today, PerformanceStatus.Full, null) { Satisfaction = (Satisfaction)9 }).Errors);
    }

    [Fact]
    public void The_courts_case_number_is_kept_once_applied_and_refused_before()
    {
        var @case = _scenario.In(CaseStatus.Resolved);
        var applied = new JudicialConfirmationInput(true, _scenario.Today, "陈家桥人民法庭", "裁定调解协议有效", _scenario.Today, JudicialOutcome.Confirmed)
        {
            CourtCaseNumber = "（2026）渝0106民特调确字第12号",
        };

        Ok(@case.RecordJudicialConfirmation(Actors.Lead, _scenario.Tick(), applied));

        Assert.Equal("（2026）渝0106民特调确字第12号", @case.JudicialConfirmation!.CourtCaseNumber);
        Assert.Contains("案号：（2026）渝0106民特调确字第12号", @case.History[^1].Details, StringComparison.Ordinal);
        Assert.Equal(
            [new FieldError("CourtCaseNumber", "尚未申请司法确认，不能填写法院案号")],
            @case.RecordJudicialConfirmation(Actors.Lead, _scenario.Tick(), new JudicialConfirmationInput(true, null, null, null) { CourtCaseNumber = "（2026）第1号" }).Errors);
    }

    [Fact]
    public void The_case_keeps_its_committee()
    {
        var @case = Ok(MediationCase.File(Draft(_scenario.Today) with { CommitteeId = 7 }, Actors.VillageHead, _scenario.Tick(), _scenario.Today));

        Assert.Equal(7, @case.CommitteeId);
        Assert.Equal(
            [new FieldError("CommitteeId", "请选择调解组织")],
            CaseValidator.Validate(Draft(_scenario.Today) with { CommitteeId = 0 }, _scenario.Today));
    }

    [Theory]
    [InlineData(Persona.Lead, true)]
    [InlineData(Persona.Assistant, true)]
    [InlineData(Persona.JudicialOffice, true)]
    [InlineData(Persona.VillageHead, false)]
    [InlineData(Persona.VillageMediator, false)]
    [InlineData(Persona.Admin, false)]
    public void Only_the_cases_mediators_and_the_judicial_office_may_have_the_originals_and_taking_one_is_in_the_history(Persona persona, bool allowed)
    {
        var @case = _scenario.In(CaseStatus.Resolved);
        var actor = Actors.For(persona);
        var count = @case.History.Count;

        var result = @case.RecordOriginalIssued(actor, _scenario.Tick(), new OriginalIssued("人民调解协议书", "下载 Word 文件"));

        Assert.Equal(allowed, @case.MayHaveOriginals(actor));
        Assert.Equal(allowed, result.IsOk);
        Assert.Equal(count + (allowed ? 1 : 0), @case.History.Count);
        if (allowed)
        {
            Assert.Equal(("IssueOriginal", "下载 Word 文件：人民调解协议书（原件，载有当事人完整身份信息）"), (@case.History[^1].Action, @case.History[^1].Details));
        }
        else
        {
            Assert.Equal(WorkflowResultKind.Forbidden, result.Kind);
        }
    }
}
