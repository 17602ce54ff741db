using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using static HuilongbaMediation.Domain.Tests.Cases.Scenario;

namespace HuilongbaMediation.Domain.Tests.Cases;

/// <summary>A ledger row becomes a case through the same steps as in the app, dated as the ledger says.</summary>
public sealed class ImportTests
{
    private static readonly DateTime NowUtc = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly LedgerSource Row = new("2022年五云山村台账.xlsx", 5, "key-5", null);

    private static LedgerEntry Entry(LedgerOutcome outcome, DateOnly? closedOn, IReadOnlyList<MediatorRef>? mediators = null) => new()
    {
        Draft = Draft(new DateOnly(2022, 3, 1)),
        Source = Row,
        Mediators = mediators ?? [],
        MediatorNames = "陈老师",
        Outcome = outcome,
        ClosedOn = closedOn,
        OutcomeText = outcome == LedgerOutcome.Open ? null : "调解成功",
        ReferralTargetId = 8,
    };

    [Fact]
    public void A_resolved_row_is_filed_accepted_and_resolved_on_the_ledgers_dates_by_the_importer()
    {
        var @case = Ok(MediationCase.Import(Entry(LedgerOutcome.Resolved, new DateOnly(2022, 3, 15), [new MediatorRef("lead", "王主办")]), Actors.Admin, NowUtc));

        Assert.Equal(CaseStatus.Resolved, @case.Status);
        Assert.Equal(
            [("File", new DateOnly(2022, 3, 1)), ("AssignMediators", new DateOnly(2026, 3, 2)), ("Accept", new DateOnly(2022, 3, 1)), ("Resolve", new DateOnly(2022, 3, 15))],
            @case.History.Select(h => (h.Action, h.OccurredOn)));
        Assert.All(@case.History, h => Assert.Equal(("admin", "管理员", "2022年五云山村台账.xlsx 第5行", NowUtc), (h.ActorId, h.ActorName, h.ImportedFrom, h.AtUtc)));
        Assert.Equal((new DateOnly(2022, 3, 15), AgreementKind.Written, "王主办"), (@case.ConcludedOn, @case.Agreement!.Kind, @case.LeadMediator!.DisplayName));
        Assert.Equal(("2022年五云山村台账.xlsx", 5, "key-5", "陈老师"), (@case.Ledger!.FileName, @case.Ledger.RowNumber, @case.Ledger.RowKey, @case.Ledger.Mediators));
    }

    [Fact]
    public void A_mediator_without_an_account_is_kept_as_a_name_and_the_case_still_carried()
    {
        var @case = Ok(MediationCase.Import(Entry(LedgerOutcome.Referred, new DateOnly(2022, 4, 1)), Actors.JudicialOffice, NowUtc));

        Assert.Equal(CaseStatus.ReferralApproved, @case.Status);
        Assert.Null(@case.LeadMediator);
        Assert.Equal((8, new DateOnly(2022, 4, 1)), (@case.Referral!.TargetId, @case.ConcludedOn));
    }

    [Fact]
    public void After_the_import_the_case_follows_the_apps_rules_again()
    {
        var @case = Ok(MediationCase.Import(Entry(LedgerOutcome.Open, null), Actors.JudicialOffice, NowUtc));

        Assert.Equal(CaseStatus.Mediating, @case.Status);
        Assert.Equal(WorkflowResultKind.NotAllowedInState, @case.Resolve(Actors.JudicialOffice, NowUtc, WrittenAgreement(new DateOnly(2026, 3, 1))).Kind);
        Ok(@case.RecordSession(Actors.JudicialOffice, NowUtc, new SessionInput(new DateOnly(2026, 3, 1), 3, "张三", "继续调解")));
        Assert.Null(@case.History[^1].ImportedFrom);
    }

    [Theory]
    [InlineData(null, "调解结果为「调解成功」的，须填写结案日期")]
    [InlineData("2022-02-28", "结案日期不能早于受理日期（2022年3月1日）")]
    [InlineData("2026-03-03", "结案日期不能晚于今天（2026年3月2日）")]
    public void A_concluded_row_needs_a_closing_date_between_filing_and_today(string? closedOn, string message)
    {
        var result = MediationCase.Import(Entry(LedgerOutcome.Resolved, closedOn is null ? null : DateOnly.Parse(closedOn, System.Globalization.CultureInfo.InvariantCulture)), Actors.JudicialOffice, NowUtc);

        Assert.Equal([new FieldError("ClosedOn", message)], result.Errors);
    }

    [Fact]
    public void A_row_is_refused_with_the_filings_own_messages()
    {
        var entry = Entry(LedgerOutcome.Open, null) with { Draft = Draft(new DateOnly(2022, 3, 1)) with { Parties = [] } };

        Assert.Equal(["至少需要一名申请人和一名被申请人"], MediationCase.Import(entry, Actors.JudicialOffice, NowUtc).Errors.Select(e => e.Message));
    }

    [Fact]
    public void Only_the_judicial_office_and_admins_import()
    {
        Assert.Equal(WorkflowResultKind.Forbidden, MediationCase.Import(Entry(LedgerOutcome.Open, null), Actors.VillageHead, NowUtc).Kind);
        Assert.Equal(WorkflowResultKind.Forbidden, MediationCase.Import(Entry(LedgerOutcome.Open, null), Actors.Lead, NowUtc).Kind);
    }
}
