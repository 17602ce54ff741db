namespace HuilongbaMediation.Domain.Reference;

/// <summary>
/// A row of reference data (DOMAIN.md "Reference data"): seeded, renamed and deactivated by Admin, never deleted,
/// because cases point at it. <see cref="Code"/> is the stable key of a seeded row, so that seeding stays
/// idempotent after an Admin renames it; rows an Admin adds have none.
/// </summary>
public abstract class ReferenceItem
{
    public int Id { get; set; }

    public string? Code { get; set; }

    public string Name { get; set; } = "";

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <summary>A village (村), community (社区) or area (片区) of the town.</summary>
public sealed class Village : ReferenceItem
{
    public VillageKind Kind { get; set; }
}

public enum VillageKind
{
    /// <summary>村</summary>
    Village,

    /// <summary>社区</summary>
    Community,

    /// <summary>片区: under no village committee, counted as its own row everywhere (物流园片区).</summary>
    Area,
}

/// <summary>A mediation venue (调解场所).</summary>
public sealed class Venue : ReferenceItem;

/// <summary>A dispute category (纠纷类型) of the statistical form.</summary>
public sealed class DisputeCategory : ReferenceItem
{
    /// <summary>The figure several rows add up to, e.g. "劳动争议" for its two rows; null when the row stands alone.</summary>
    public string? StatisticsGroup { get; set; }
}

/// <summary>A case source (案件来源).</summary>
public sealed class CaseSource : ReferenceItem;

/// <summary>A referral target (移交去向).</summary>
public sealed class ReferralTarget : ReferenceItem;

/// <summary>A mediation kind (调解类型).</summary>
public sealed class MediationKind : ReferenceItem;

/// <summary>
/// A people's mediation committee or station (调解组织) that handles cases and whose name and seal line a case's documents
/// carry: each village's (community's) 人民调解委员会, the town's committee, the 红岩市民综合调解站, and the industry
/// committees the town works with (the transport mediation committee, the freight litigation-mediation studio).
/// </summary>
public sealed class MediationCommittee : ReferenceItem
{
    public CommitteeKind Kind { get; set; }

    /// <summary>The village (community) a village committee serves: its cases default to it.</summary>
    public int? VillageId { get; set; }
}

public enum CommitteeKind
{
    /// <summary>村（居）人民调解委员会</summary>
    Village,

    /// <summary>乡镇人民调解委员会: cases handled at the town level, and those of an area without a committee (物流园片区).</summary>
    Town,

    /// <summary>调解站 (红岩市民综合调解站)</summary>
    Station,

    /// <summary>行业性、专业性人民调解委员会 (transport, freight)</summary>
    Industry,
}
