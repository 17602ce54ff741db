using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Sweeps;

/// <summary>What recording a sweep carries: the date, the village or area swept, who swept, and what they found.</summary>
public sealed record SweepInput
{
    public required int VillageId { get; init; }

    /// <summary>排查日期: not in the future.</summary>
    public required DateOnly SweptOn { get; init; }

    /// <summary>排查人员: the names of those who swept.</summary>
    public required string SweptBy { get; init; }

    /// <summary>排查情况: where they went and what they saw; optional.</summary>
    public string? Notes { get; init; }

    /// <summary>The disputes found; none makes the sweep a 零报告.</summary>
    public IReadOnlyList<FindingInput> Findings { get; init; } = [];
}

/// <summary>A dispute found in a sweep: enough to file it as a case in one step.</summary>
public sealed record FindingInput
{
    /// <summary>纠纷简要情况, as for a case (10–2000 characters).</summary>
    public required string Summary { get; init; }

    public required int CategoryId { get; init; }

    /// <summary>The person who raised it or is aggrieved (申请人 of the case).</summary>
    public required string ApplicantName { get; init; }

    /// <summary>The other side (被申请人 of the case).</summary>
    public required string RespondentName { get; init; }

    /// <summary>涉及人数, ≥ 2.</summary>
    public int PeopleInvolved { get; init; } = CaseValidator.MinPeopleInvolved;
}

/// <summary>What became of a finding.</summary>
public enum FindingOutcome
{
    /// <summary>待处理</summary>
    Open,

    /// <summary>已立案: a case was filed from it (source 主动调解·排查发现).</summary>
    CaseFiled,

    /// <summary>已化解: settled on the spot, or otherwise prevented from becoming a dispute.</summary>
    Prevented,
}

/// <summary>
/// 矛盾纠纷排查: one round of a village's (or area's) sweep for disputes, and what it found. A month in which a
/// village's sweeps found nothing is reported as 零报告. Recorded by the village's mediators and head, or the judicial
/// office; a finding is then filed as a case (<see cref="SweepFinding.MarkFiled"/>) or marked prevented.
/// </summary>
public sealed class Sweep
{
    private readonly List<SweepFinding> _findings = [];

    public int Id { get; private set; }

    public int VillageId { get; private set; }

    public DateOnly SweptOn { get; private set; }

    public string SweptBy { get; private set; } = "";

    public string? Notes { get; private set; }

    public string RecordedById { get; private set; } = "";

    public DateTime RecordedAtUtc { get; private set; }

    public IReadOnlyList<SweepFinding> Findings => _findings;

    /// <summary>零报告: the sweep found nothing.</summary>
    public bool IsZeroReport => _findings.Count == 0;

    /// <summary>Whether the actor may record or act on sweeps of this village.</summary>
    public static bool MayRecord(Actor actor, int villageId) =>
        actor.Role == UserRole.JudicialOffice || (actor.Role.BelongsToVillage() && actor.VillageId == villageId);

    /// <summary>Records a sweep, or says per field why not (the web layer checks that the village and categories exist).</summary>
    public static (Sweep? Sweep, IReadOnlyList<FieldError> Errors, bool Forbidden) Record(SweepInput input, Actor actor, DateTime nowUtc)
    {
        ChinaClock.RequireUtc(nowUtc);
        if (!MayRecord(actor, input.VillageId))
        {
            return (null, [], true);
        }

        var today = ChinaClock.Today(nowUtc);
        var errors = new FieldErrors();
        errors.Reference(nameof(input.VillageId), input.VillageId, "排查村（社区）");
        errors.AddIf(input.SweptOn > today, nameof(input.SweptOn), $"排查日期不能晚于今天（{today.ToLabel()}）");
        errors.AddIf(input.SweptOn < CaseValidator.EarliestFilingDate, nameof(input.SweptOn), "排查日期有误");
        errors.Text(nameof(input.SweptBy), input.SweptBy, "排查人员", CaseValidator.NoteMaxLength);
        errors.Text(nameof(input.Notes), input.Notes, "排查情况", CaseValidator.RecordMaxLength, required: false);
        for (var i = 0; i < input.Findings.Count; i++)
        {
            var f = input.Findings[i];
            var prefix = $"{nameof(input.Findings)}[{i}].";
            var length = Text.Required(f.Summary).Length;
            errors.AddIf(length < CaseValidator.SummaryMinLength, prefix + nameof(f.Summary), $"纠纷简要情况不少于 {CaseValidator.SummaryMinLength} 字（现有 {length} 字）");
            errors.AddIf(length > CaseValidator.SummaryMaxLength, prefix + nameof(f.Summary), $"纠纷简要情况不超过 {CaseValidator.SummaryMaxLength} 字");
            errors.Reference(prefix + nameof(f.CategoryId), f.CategoryId, "纠纷类型");
            errors.Text(prefix + nameof(f.ApplicantName), f.ApplicantName, "申请人（反映人）", CaseValidator.NameMaxLength);
            errors.Text(prefix + nameof(f.RespondentName), f.RespondentName, "被申请人（对方）", CaseValidator.NameMaxLength);
            errors.AddIf(f.PeopleInvolved < CaseValidator.MinPeopleInvolved, prefix + nameof(f.PeopleInvolved), $"涉及人数至少为 {CaseValidator.MinPeopleInvolved}");
        }

        if (errors.Errors.Count > 0)
        {
            return (null, errors.Errors, false);
        }

        var sweep = new Sweep
        {
            VillageId = input.VillageId,
            SweptOn = input.SweptOn,
            SweptBy = Text.Required(input.SweptBy),
            Notes = Text.Clean(input.Notes),
            RecordedById = actor.UserId,
            RecordedAtUtc = nowUtc,
        };
        sweep._findings.AddRange(input.Findings.Select(SweepFinding.From));
        return (sweep, [], false);
    }
}

/// <summary>A dispute found in a sweep, and what became of it.</summary>
public sealed class SweepFinding
{
    public int Id { get; private set; }

    public int SweepId { get; private set; }

    public string Summary { get; private set; } = "";

    public int CategoryId { get; private set; }

    public string ApplicantName { get; private set; } = "";

    public string RespondentName { get; private set; } = "";

    public int PeopleInvolved { get; private set; }

    public FindingOutcome Outcome { get; private set; }

    /// <summary>The case filed from it.</summary>
    public int? CaseId { get; private set; }

    /// <summary>How it was prevented (化解情况).</summary>
    public string? PreventedNote { get; private set; }

    /// <summary>The date it was filed as a case or prevented.</summary>
    public DateOnly? SettledOn { get; private set; }

    /// <summary>When that was entered: a settlement dated in a closed month and entered after it counts as 补报.</summary>
    public DateTime? SettledAtUtc { get; private set; }

    /// <summary>The case draft a finding files: its village, source 主动调解·排查发现 and parties filled in.</summary>
    public CaseDraft ToDraft(int villageId, int sourceId, int mediationKindId, DateOnly today) => new()
    {
        Summary = Summary,
        CategoryId = CategoryId,
        SourceId = sourceId,
        VillageId = villageId,
        MediationKindId = mediationKindId,
        PeopleInvolved = PeopleInvolved,
        RiskLevel = RiskLevel.Low,
        FiledOn = today,
        Parties =
        [
            new PartyDraft { Role = PartyRole.Applicant, Kind = PartyKind.Person, Name = ApplicantName },
            new PartyDraft { Role = PartyRole.Respondent, Kind = PartyKind.Person, Name = RespondentName },
        ],
    };

    /// <summary>立案: links the finding to the case filed from it; refused unless it is still open.</summary>
    public bool MarkFiled(int caseId, DateOnly on, DateTime nowUtc)
    {
        ChinaClock.RequireUtc(nowUtc);
        if (Outcome != FindingOutcome.Open)
        {
            return false;
        }

        (Outcome, CaseId, SettledOn, SettledAtUtc) = (FindingOutcome.CaseFiled, caseId, on, nowUtc);
        return true;
    }

    /// <summary>
    /// 已化解: the finding was settled without a case on <paramref name="on"/> (not in the future, not before the sweep on
    /// <paramref name="sweptOn"/>); refused unless it is still open and the note is given.
    /// </summary>
    public IReadOnlyList<FieldError> MarkPrevented(string? note, DateOnly on, DateOnly sweptOn, DateTime nowUtc)
    {
        ChinaClock.RequireUtc(nowUtc);
        var errors = new FieldErrors();
        var today = ChinaClock.Today(nowUtc);
        errors.AddIf(on > today, nameof(SettledOn), $"化解日期不能晚于今天（{today.ToLabel()}）");
        errors.AddIf(on < sweptOn, nameof(SettledOn), $"化解日期不能早于排查日期（{sweptOn.ToLabel()}）");
        errors.AddIf(Outcome != FindingOutcome.Open, nameof(Outcome), "该排查发现已处理");
        errors.Text(nameof(PreventedNote), note, "化解情况", CaseValidator.NoteMaxLength);
        if (errors.Errors.Count == 0)
        {
            (Outcome, PreventedNote, SettledOn, SettledAtUtc) = (FindingOutcome.Prevented, Text.Required(note), on, nowUtc);
        }

        return errors.Errors;
    }

    internal static SweepFinding From(FindingInput input) => new()
    {
        Summary = Text.Required(input.Summary),
        CategoryId = input.CategoryId,
        ApplicantName = Text.Required(input.ApplicantName),
        RespondentName = Text.Required(input.RespondentName),
        PeopleInvolved = input.PeopleInvolved,
        Outcome = FindingOutcome.Open,
    };
}
