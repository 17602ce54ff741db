using HuilongbaMediation.Domain.Cases;

namespace HuilongbaMediation.Web.Features.Public;

/// <summary>How the applicant wants to be helped (求助方式).</summary>
public enum HelpWanted
{
    /// <summary>到茶馆/调解站</summary>
    Visit,

    /// <summary>上门服务</summary>
    HomeVisit,

    /// <summary>电话或视频</summary>
    PhoneOrVideo,

    /// <summary>远程代办: the mediator handles the steps for the applicant at a distance.</summary>
    RemoteProxy,
}

/// <summary>Where an application stands in the town's hands.</summary>
public enum ApplicationStatus
{
    /// <summary>已收到: waiting in a queue.</summary>
    Received,

    /// <summary>已受理: turned into a case (<see cref="OnlineApplication.CaseId"/>).</summary>
    Accepted,

    /// <summary>不予受理, with a reason the applicant reads.</summary>
    Declined,
}

/// <summary>
/// 在线申请 (和顺云茶馆): a citizen's application for mediation, made without an account. It waits in the queue of
/// <see cref="QueueVillageId"/> (null: the 司法所 routes it) until a mediator turns it into a case or declines it.
/// The applicant follows it with the tracking code, of which only the SHA-256 is kept, and the phone's last four digits.
/// </summary>
public sealed class OnlineApplication
{
    public int Id { get; set; }

    /// <summary>SHA-256 (hex) of the normalized tracking code: a copy of the database gives nobody the codes.</summary>
    public string CodeHash { get; set; } = "";

    /// <summary>SHA-256 (hex) of what was asked (phone, parties, story): the same application sent twice is refused.</summary>
    public string ContentHash { get; set; } = "";

    public DateTime SubmittedAtUtc { get; set; }

    public ApplicationStatus Status { get; set; }

    public string ApplicantName { get; set; } = "";

    public string ApplicantPhone { get; set; } = "";

    public string? ApplicantIdNumber { get; set; }

    /// <summary>The village or area the applicant chose; null: 不清楚.</summary>
    public int? ChosenVillageId { get; set; }

    /// <summary>Whose queue it is in: a village's (or area's, once routed there); null: the 司法所's, to route.</summary>
    public int? QueueVillageId { get; set; }

    /// <summary>The teahouse or station of the QR code it came from, when it came from one.</summary>
    public int? VenueId { get; set; }

    public PartyKind OtherPartyKind { get; set; }

    public string OtherPartyName { get; set; } = "";

    public string? OtherPartyPhone { get; set; }

    /// <summary>发生了什么</summary>
    public string Story { get; set; } = "";

    /// <summary>申请事项</summary>
    public string Request { get; set; } = "";

    public HelpWanted HelpWanted { get; set; }

    /// <summary>When the applicant agreed to the use of their personal information (个人信息保护法), and to which text.</summary>
    public DateTime ConsentedAtUtc { get; set; }

    public string ConsentVersion { get; set; } = "";

    /// <summary>Wrong phone digits given with this code since the last right ones; 5 lock it.</summary>
    public int FailedLookups { get; set; }

    public DateTime? LockedUntilUtc { get; set; }

    /// <summary>When staff last did something with it (opened counts not): routing, a reply, a decision.</summary>
    public DateTime? HandledAtUtc { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public string? DecidedByName { get; set; }

    public string? DeclineReason { get; set; }

    /// <summary>The case it became.</summary>
    public int? CaseId { get; set; }

    public List<ApplicationFile> Files { get; set; } = [];

    public List<ApplicationMessage> Messages { get; set; } = [];

    public List<ApplicationNotification> Notifications { get; set; } = [];
}

/// <summary>A photo or PDF the applicant sent, stored under the data folder by a GUID name.</summary>
public sealed class ApplicationFile
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public string StoredName { get; set; } = "";

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";

    public DateTime AddedAtUtc { get; set; }
}

/// <summary>A message on an application: the applicant's (from the status page) or a staff member's reply.</summary>
public sealed class ApplicationMessage
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public bool FromApplicant { get; set; }

    /// <summary>The staff member's name; null for the applicant.</summary>
    public string? AuthorName { get; set; }

    public string Text { get; set; } = "";

    /// <summary>A file the applicant sent with the message.</summary>
    public int? FileId { get; set; }

    public DateTime AtUtc { get; set; }
}

/// <summary>
/// The outbox: what the applicant is to be told (accepted, a session arranged). Written in the transaction of the change
/// it tells of; the <see cref="INotificationSender"/> delivers it and marks it sent.
/// </summary>
public sealed class ApplicationNotification
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public string Text { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>Which sender delivered it (状态页, 短信).</summary>
    public string? Channel { get; set; }
}
