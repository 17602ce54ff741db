using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>A mediator assigned to a case: the lead (主办) or an assistant (协办).</summary>
public sealed class CaseMediator
{
    public int Id { get; private set; }

    /// <summary>The Identity user id of the mediator.</summary>
    public string UserId { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    /// <summary>主办 when true, 协办 otherwise; a case has at most one lead.</summary>
    public bool IsLead { get; private set; }

    internal static CaseMediator From(MediatorRef mediator, bool isLead) => new()
    {
        UserId = mediator.UserId,
        DisplayName = Text.Required(mediator.DisplayName),
        IsLead = isLead,
    };
}
