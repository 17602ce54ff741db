namespace HuilongbaMediation.Domain.Common;

/// <summary>
/// The user who performs an operation, as the domain needs to know them: who, in which role, of which village.
/// The web layer builds it from the signed-in user; the domain never looks users up itself.
/// </summary>
/// <param name="UserId">The Identity user id.</param>
/// <param name="DisplayName">The name written into history entries.</param>
/// <param name="Role">The user's role.</param>
/// <param name="VillageId">The village or area of a Mediator or VillageHead; null for the town-wide roles.</param>
public sealed record Actor(string UserId, string DisplayName, UserRole Role, int? VillageId);
