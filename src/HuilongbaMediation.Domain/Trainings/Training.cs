using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Trainings;

/// <summary>What recording a training carries.</summary>
public sealed record TrainingInput
{
    /// <summary>培训日期: not in the future.</summary>
    public required DateOnly HeldOn { get; init; }

    /// <summary>培训主题</summary>
    public required string Topic { get; init; }

    /// <summary>授课人</summary>
    public required string Trainer { get; init; }

    /// <summary>参训调解员: user ids (and the names written with them).</summary>
    public required IReadOnlyList<Attendee> Attendees { get; init; }
}

/// <summary>A mediator who attended, by user id, with the name they had then.</summary>
public sealed record Attendee(string UserId, string DisplayName);

/// <summary>
/// 调解员专场培训: a training of the town's mediators, recorded by the judicial office (the yearly report counts them:
/// 2022, 4 专场培训). The roster shows each mediator's trainings of the year; the statistical form counts trainings held
/// and mediators trained.
/// </summary>
public sealed class Training
{
    private readonly List<TrainingAttendance> _attendees = [];

    public int Id { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string Topic { get; private set; } = "";

    public string Trainer { get; private set; } = "";

    public string RecordedById { get; private set; } = "";

    public DateTime RecordedAtUtc { get; private set; }

    public IReadOnlyList<TrainingAttendance> Attendees => _attendees;

    public static (Training? Training, IReadOnlyList<FieldError> Errors, bool Forbidden) Record(TrainingInput input, Actor actor, DateTime nowUtc)
    {
        ChinaClock.RequireUtc(nowUtc);
        if (!Capability.RecordTrainings.Allows(actor))
        {
            return (null, [], true);
        }

        var today = ChinaClock.Today(nowUtc);
        var errors = new FieldErrors();
        errors.AddIf(input.HeldOn > today, nameof(input.HeldOn), $"培训日期不能晚于今天（{today.ToLabel()}）");
        errors.AddIf(input.HeldOn < CaseValidator.EarliestFilingDate, nameof(input.HeldOn), "培训日期有误");
        errors.Text(nameof(input.Topic), input.Topic, "培训主题", CaseValidator.NoteMaxLength);
        errors.Text(nameof(input.Trainer), input.Trainer, "授课人", CaseValidator.NameMaxLength);
        errors.AddIf(input.Attendees.Count == 0, nameof(input.Attendees), "请选择参训调解员");
        errors.AddIf(input.Attendees.Select(a => a.UserId).Distinct().Count() != input.Attendees.Count, nameof(input.Attendees), "同一调解员不能重复选择");
        if (errors.Errors.Count > 0)
        {
            return (null, errors.Errors, false);
        }

        var training = new Training
        {
            HeldOn = input.HeldOn,
            Topic = Text.Required(input.Topic),
            Trainer = Text.Required(input.Trainer),
            RecordedById = actor.UserId,
            RecordedAtUtc = nowUtc,
        };
        training._attendees.AddRange(input.Attendees.Select(a => new TrainingAttendance(a.UserId, Text.Required(a.DisplayName))));
        return (training, [], false);
    }
}

/// <summary>A mediator's attendance at a training.</summary>
public sealed class TrainingAttendance(string userId, string displayName)
{
    public int Id { get; private set; }

    public int TrainingId { get; private set; }

    public string UserId { get; private set; } = userId;

    public string DisplayName { get; private set; } = displayName;
}
