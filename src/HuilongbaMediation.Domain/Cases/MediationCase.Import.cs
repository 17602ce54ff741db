using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>Cases from the town's ledgers (台账): filed and carried to their ending through the same intent methods as in the app.</summary>
public sealed partial class MediationCase
{
    /// <summary>What an imported agreement says where the ledger has no column for it.</summary>
    public const string NotInLedger = "（台账未记载）";

    /// <summary>Set while <see cref="Import"/> builds the case: its history entries name the ledger row they come from.</summary>
    private LedgerRecord? _importing;

    /// <summary>
    /// Builds the case of a ledger row: filed on the ledger's date, its mediators assigned when they have accounts, accepted
    /// that day, and ended as the ledger says on its closing date (调解成功 with the agreement, 调解不成 referred and approved,
    /// 终止, 不予受理), or left in mediation. Every step goes through its intent method, so the rules of the app hold: the dates,
    /// the filing's fields, the reference data. The importer (the judicial office or an admin) acts with the office's
    /// authority, since an import files for every village; the history records them by name, and each entry names the
    /// ledger row. Two guards read the ledger instead: it stands for the lead mediator (who may have left) and the session
    /// records, which a ledger does not hold.
    /// </summary>
    public static WorkflowResult<MediationCase> Import(LedgerEntry entry, Actor importer, DateTime nowUtc)
    {
        ChinaClock.RequireUtc(nowUtc);
        if (!CaseAccess.CanImport(importer))
        {
            return WorkflowResult<MediationCase>.Failure(WorkflowResult.Forbidden("导入台账限司法所和系统管理员", []));
        }

        var today = ChinaClock.Today(nowUtc);
        var filedOn = entry.Draft.FiledOn;
        if (entry.Outcome != LedgerOutcome.Open)
        {
            var problem = entry.ClosedOn switch
            {
                null => $"调解结果为「{entry.OutcomeText ?? entry.Outcome.ToString()}」的，须填写结案日期",
                { } closed when closed > today => $"结案日期不能晚于今天（{today.ToLabel()}）",
                { } closed when closed < filedOn => $"结案日期不能早于受理日期（{filedOn.ToLabel()}）",
                _ => null,
            };
            if (problem is not null)
            {
                return WorkflowResult<MediationCase>.Failure(WorkflowResult.Invalid([new FieldError(nameof(entry.ClosedOn), problem)], []));
            }
        }

        var office = importer with { Role = UserRole.JudicialOffice, VillageId = null };
        var filed = File(entry.Draft, office, nowUtc, today, LedgerRecord.From(entry.Source, entry.MediatorNames));
        if (!filed.IsOk)
        {
            return filed;
        }

        var @case = filed.Value;
        var result = @case.CarryImported(entry, office, nowUtc);
        @case._importing = null;
        return result.IsOk ? filed : WorkflowResult<MediationCase>.Failure(result);
    }

    private WorkflowResult CarryImported(LedgerEntry entry, Actor office, DateTime nowUtc)
    {
        var said = Text.Clean(entry.OutcomeText);
        var closedOn = entry.ClosedOn.GetValueOrDefault();
        var steps = new List<Func<WorkflowResult>>();
        if (entry.Mediators.Count > 0)
        {
            steps.Add(() => AssignMediators(office, nowUtc, new MediatorAssignment(entry.Mediators[0], [.. entry.Mediators.Skip(1)])));
        }

        if (entry.Outcome == LedgerOutcome.Declined)
        {
            steps.Add(() => Decline(office, nowUtc, new DeclineInput($"台账记载：{said ?? "不予受理"}", closedOn)));
        }
        else
        {
            steps.Add(() => Accept(office, nowUtc, new AcceptInput(FiledOn)));
        }

        switch (entry.Outcome)
        {
            case LedgerOutcome.Resolved:
                steps.Add(() => Resolve(office, nowUtc, new AgreementInput
                {
                    Kind = entry.AgreementKind,
                    Facts = Summary,
                    MattersInDispute = NotInLedger,
                    Responsibilities = NotInLedger,
                    Terms = $"台账记载：{said ?? "调解成功"}（协议内容见纸质卷宗）",
                    PerformanceManner = NotInLedger,
                    SignedOn = closedOn,
                }));
                break;
            case LedgerOutcome.Referred:
                steps.Add(() => Refer(office, nowUtc, new ReferInput(entry.ReferralTargetId, $"台账记载：{said ?? "调解不成"}", Urgent: false, closedOn)));
                steps.Add(() => ApproveReferral(office, nowUtc, new ApproveReferralInput(NotInLedger, null, closedOn)));
                break;
            case LedgerOutcome.Terminated:
                steps.Add(() => Terminate(office, nowUtc, new TerminateInput(Cases.TerminationReason.Other, $"台账记载：{said ?? "终止调解"}", closedOn)));
                break;
        }

        foreach (var step in steps)
        {
            if (step() is { IsOk: false } refused)
            {
                return refused;
            }
        }

        return WorkflowResult.Ok;
    }
}
