using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// What AssignMediators carries: the case's mediators after the change, a lead (主办) and any number of
/// assistants (协办). The web layer checks that each is an active mediator of the right village.
/// </summary>
public sealed record MediatorAssignment(MediatorRef Lead, IReadOnlyList<MediatorRef> Assistants) : IHistoryData
{
    string IHistoryData.Describe() =>
        $"主办调解员：{Text.Required(Lead.DisplayName)}" + (Assistants.Count == 0 ? "" : $"；协办调解员：{string.Join("、", Assistants.Select(a => Text.Required(a.DisplayName)))}");
}

/// <summary>A mediator as the web layer looked them up.</summary>
/// <param name="UserId">The Identity user id.</param>
/// <param name="DisplayName">The name shown on the case and its documents.</param>
public sealed record MediatorRef(string UserId, string DisplayName);
