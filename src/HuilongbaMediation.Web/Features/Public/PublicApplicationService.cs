using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Reference;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.CaseFile;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuilongbaMediation.Web.Features.Public;

/// <summary>A place the applicant can choose: a village, community or area.</summary>
public sealed record PublicChoice(int Id, string Name);

/// <summary>An uploaded file as the page hands it over: its name and its content stream.</summary>
public sealed record UploadedFile(string FileName, long Length, Func<Stream> Open);

/// <summary>A step of the status page: 已收到 → 已受理 → 调解时间和地点 → 结果.</summary>
public sealed record StatusStep(string Title, string? Text, bool Done);

public sealed record StatusMessage(bool FromApplicant, string? AuthorName, string Text, DateTime AtUtc, string? FileName);

/// <summary>What the applicant sees of their application: plain words, nothing of the other party.</summary>
public sealed record ApplicationStatusView(
    DateTime SubmittedAtUtc,
    IReadOnlyList<StatusStep> Steps,
    IReadOnlyList<StatusMessage> Messages,
    IReadOnlyList<StatusMessage> Notices,
    bool MayWrite);

/// <summary>
/// The public side's use cases (和顺云茶馆), for visitors without an account: apply, follow an application with its code and
/// the phone's last four digits, add a message or a photo. Each write is one transaction behind the write gate; a file is
/// in place before its row commits, and nothing of a refused application is kept.
/// </summary>
public sealed class PublicApplicationService(
    IDbContextFactory<AppDbContext> dbFactory,
    SqliteWriteGate writeGate,
    TimeProvider clock,
    ApplicationFileStore store,
    PhoneRateLimiter phoneLimiter)
{
    /// <summary>The one answer to a lookup that fails, whatever the reason (no such code, wrong digits, locked).</summary>
    public const string LookupFailed = "查询码或手机号后四位不对，请核对后再试。多次输错后需要等一天再查，也可以打电话到镇司法所询问。";

    public async Task<IReadOnlyList<PublicChoice>> VillagesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Villages.AsNoTracking().Where(v => v.IsActive).OrderBy(v => v.SortOrder).ThenBy(v => v.Id)
            .Select(v => new PublicChoice(v.Id, v.Name)).ToListAsync(ct);
    }

    /// <summary>The name of an active venue (the QR code's teahouse or station), or null.</summary>
    public async Task<PublicChoice?> VenueAsync(int? venueId, CancellationToken ct = default)
    {
        if (venueId is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Venues.AsNoTracking().Where(v => v.Id == venueId && v.IsActive).Select(v => new PublicChoice(v.Id, v.Name)).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// 提交申请: checks every field and file, refuses the same application sent again and a phone that has sent too many
    /// today, then stores it with its files in one transaction and returns the tracking code (shown once, never stored).
    /// </summary>
    public async Task<Result<string>> SubmitAsync(ApplyInput input, IReadOnlyList<UploadedFile> files, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!string.IsNullOrEmpty(input.Website))
        {
            // A bot filled the hidden field: it is shown a code like anyone, and nothing is kept.
            return Result.Made(TrackingCode.New());
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var villages = await db.Villages.AsNoTracking().Where(v => v.IsActive).Select(v => new { v.Id, v.Kind }).ToListAsync(ct);
        var errors = ApplicationRules.Validate(input, [.. villages.Select(v => v.Id)], ChinaClock.Today(now)).ToList();
        if (files.Count > ApplicationRules.MaxFiles)
        {
            errors.Add(new(ApplicationRules.FilesField, $"最多上传 {ApplicationRules.MaxFiles} 个文件"));
        }

        var checkedFiles = new List<(string Name, string Type, byte[] Content)>();
        foreach (var file in files.Take(ApplicationRules.MaxFiles))
        {
            var (content, refusal) = await ReadAsync(file, ct);
            if (refusal is not null)
            {
                errors.Add(new(ApplicationRules.FilesField, $"{AttachmentRules.CleanFileName(file.FileName)}：{refusal}"));
                continue;
            }

            checkedFiles.Add(content!.Value);
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors).Of<string>();
        }

        var phone = ApplicationRules.Digits(input.Phone)!;
        var contentHash = Hash(phone, Text.Clean(input.OtherName), Text.Clean(input.Story), Text.Clean(input.Request));
        var venue = input.Venue is { } v && await db.Venues.AnyAsync(x => x.Id == v && x.IsActive, ct) ? v : (int?)null;
        var chosen = input.Village == ApplicationRules.UnknownVillage ? null : villages.Single(x => x.Id == int.Parse(input.Village!, System.Globalization.CultureInfo.InvariantCulture));
        var code = TrackingCode.New();
        using (await writeGate.EnterAsync(ct))
        {
            if (await db.OnlineApplications.AnyAsync(a => a.ContentHash == contentHash && a.SubmittedAtUtc > now.AddDays(-1), ct))
            {
                return Result.Invalid("", "这份申请已经提交过了，不用再提交。请用第一次拿到的查询码查看进展。").Of<string>();
            }

            using var lease = phoneLimiter.Acquire(phone);
            if (!lease.IsAcquired)
            {
                return Result.Invalid(nameof(ApplyInput.Phone), "这个手机号今天提交的申请已经很多了，请明天再提交，或打电话到镇司法所。").Of<string>();
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var application = new OnlineApplication
            {
                CodeHash = TrackingCode.Hash(TrackingCode.Normalize(code)!),
                ContentHash = contentHash,
                SubmittedAtUtc = now,
                Status = ApplicationStatus.Received,
                ApplicantName = Text.Required(input.Name),
                ApplicantPhone = phone,
                ApplicantIdNumber = Text.Clean(input.IdNumber)?.ToUpperInvariant(),
                ChosenVillageId = chosen?.Id,
                QueueVillageId = chosen is null || chosen.Kind == VillageKind.Area ? null : chosen.Id,
                VenueId = venue,
                OtherPartyKind = Enum.Parse<PartyKind>(input.OtherKind!),
                OtherPartyName = Text.Required(input.OtherName),
                OtherPartyPhone = ApplicationRules.Digits(input.OtherPhone),
                Story = Text.Required(input.Story),
                Request = Text.Required(input.Request),
                HelpWanted = Enum.Parse<HelpWanted>(input.Help!),
                ConsentedAtUtc = now,
                ConsentVersion = ApplicationRules.ConsentVersion,
            };
            db.OnlineApplications.Add(application);
            await db.SaveChangesAsync(ct);
            try
            {
                foreach (var (name, type, content) in checkedFiles)
                {
                    var stored = Guid.NewGuid().ToString("N");
                    await store.WriteAsync(application.Id, stored, content, ct);
                    application.Files.Add(new ApplicationFile
                    {
                        FileName = name,
                        ContentType = type,
                        StoredName = stored,
                        Size = content.Length,
                        Sha256 = CaseFileStore.Sha256Of(content),
                        AddedAtUtc = now,
                    });
                }

                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch
            {
                store.DeleteAll(application.Id); // the rows roll back: no file without its row
                throw;
            }
        }

        return Result.Made(code);
    }

    /// <summary>
    /// 查询进展: the application of this code when the phone's last four digits match. Every failure looks the same; a code
    /// given wrong digits <see cref="ApplicationRules.MaxFailedLookups"/> times is locked for a day, right digits or not.
    /// </summary>
    public async Task<ApplicationStatusView?> LookupAsync(string? code, string? lastFour, CancellationToken ct = default)
    {
        var found = await VerifyAsync(code, lastFour, ct);
        return found is null ? null : await ViewAsync(found.Value, ct);
    }

    /// <summary>留言: the applicant adds a message, a photo or both; verified as a lookup is.</summary>
    public async Task<Result<ApplicationStatusView>> AddMessageAsync(string? code, string? lastFour, string? message, UploadedFile? file, CancellationToken ct = default)
    {
        var text = Text.Clean(message);
        if (text is null && file is null)
        {
            return Result.Invalid("Message", "请写下要补充的内容，或选择一张照片").Of<ApplicationStatusView>();
        }

        if (text is { Length: > ApplicationRules.MessageMaxLength })
        {
            return Result.Invalid("Message", $"留言不能超过 {ApplicationRules.MessageMaxLength} 个字").Of<ApplicationStatusView>();
        }

        (string Name, string Type, byte[] Content)? upload = null;
        if (file is not null)
        {
            var (content, refusal) = await ReadAsync(file, ct);
            if (refusal is not null)
            {
                return Result.Invalid("Photo", refusal).Of<ApplicationStatusView>();
            }

            upload = content;
        }

        if (await VerifyAsync(code, lastFour, ct) is not { } id)
        {
            return Result.NotFound(LookupFailed).Of<ApplicationStatusView>();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        using (await writeGate.EnterAsync(ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var application = await db.OnlineApplications.Include(a => a.Files).SingleAsync(a => a.Id == id, ct);
            if (upload is { } u && application.Files.Count >= ApplicationRules.MaxFiles * 3)
            {
                return Result.Invalid("Photo", "照片已经很多了，请直接联系调解员").Of<ApplicationStatusView>();
            }

            var entry = new ApplicationMessage { FromApplicant = true, Text = text ?? "（照片）", AtUtc = now };
            string? stored = null;
            try
            {
                if (upload is { } up)
                {
                    stored = Guid.NewGuid().ToString("N");
                    await store.WriteAsync(id, stored, up.Content, ct);
                    var added = new ApplicationFile
                    {
                        FileName = up.Name,
                        ContentType = up.Type,
                        StoredName = stored,
                        Size = up.Content.Length,
                        Sha256 = CaseFileStore.Sha256Of(up.Content),
                        AddedAtUtc = now,
                    };
                    application.Files.Add(added);
                    await db.SaveChangesAsync(ct);
                    entry.FileId = added.Id;
                }

                application.Messages.Add(entry);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch
            {
                if (stored is not null)
                {
                    File.Delete(store.PathOf(id, stored));
                }

                throw;
            }
        }

        return Result.Made((await ViewAsync(id, ct))!);
    }

    private async Task<int?> VerifyAsync(string? code, string? lastFour, CancellationToken ct)
    {
        var normalized = TrackingCode.Normalize(code);
        var digits = lastFour?.Trim();
        if (normalized is null || digits is not { Length: 4 } || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var hash = TrackingCode.Hash(normalized);
        var now = clock.GetUtcNow().UtcDateTime;
        using (await writeGate.EnterAsync(ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var application = await db.OnlineApplications.SingleOrDefaultAsync(a => a.CodeHash == hash, ct);
            if (application is null)
            {
                return null;
            }

            if (application.LockedUntilUtc > now)
            {
                return null;
            }

            if (!application.ApplicantPhone.EndsWith(digits, StringComparison.Ordinal))
            {
                application.FailedLookups++;
                if (application.FailedLookups >= ApplicationRules.MaxFailedLookups)
                {
                    application.LockedUntilUtc = now + ApplicationRules.LockTime;
                    application.FailedLookups = 0;
                }

                await db.SaveChangesAsync(ct);
                return null;
            }

            if (application.FailedLookups > 0 || application.LockedUntilUtc is not null)
            {
                application.FailedLookups = 0;
                application.LockedUntilUtc = null;
                await db.SaveChangesAsync(ct);
            }

            return application.Id;
        }
    }

    private async Task<ApplicationStatusView?> ViewAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.OnlineApplications.AsNoTracking().Include(x => x.Messages).Include(x => x.Files).Include(x => x.Notifications)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return null;
        }

        var steps = new List<StatusStep> { new("已收到", $"{ChinaClock.Today(a.SubmittedAtUtc).ToLabel()} 收到您的申请，调解员会尽快处理。", true) };
        var mayWrite = a.Status != ApplicationStatus.Declined;
        if (a.Status == ApplicationStatus.Declined)
        {
            steps.Add(new("已受理", null, false));
            steps.Add(new("调解时间和地点", null, false));
            steps.Add(new("结果", $"不予受理。理由：{a.DeclineReason}", true));
        }
        else if (a.CaseId is { } caseId)
        {
            var c = await db.Cases.AsNoTracking().Include(x => x.Mediators).Include(x => x.ScheduledSessions)
                .AsSplitQuery().SingleAsync(x => x.Id == caseId, ct);
            var lead = c.LeadMediator;
            var phone = lead is null ? null : await db.Users.Where(u => u.Id == lead.UserId).Select(u => u.PhoneNumber).SingleOrDefaultAsync(ct);
            var who = lead is null ? "调解员正在安排中" : $"调解员：{lead.DisplayName}" + (string.IsNullOrWhiteSpace(phone) ? "" : $"，联系电话：{phone}");
            steps.Add(new("已受理", $"{ChinaClock.Today(a.DecidedAtUtc!.Value).ToLabel()} 已受理。{who}", true));
            var today = ChinaClock.Today(clock.GetUtcNow().UtcDateTime);
            var session = c.ScheduledSessions.Where(s => s.On >= today).OrderBy(s => s.On).ThenBy(s => s.At).FirstOrDefault()
                ?? c.ScheduledSessions.OrderByDescending(s => s.On).ThenByDescending(s => s.At).FirstOrDefault();
            steps.Add(session is null
                ? new("调解时间和地点", "调解员会和您约定时间和地点。", false)
                : new("调解时间和地点", $"{session.On.ToLabel()} {session.At.ToLabel()}，{session.VenueName}" + (session.Place is null ? "" : $"（{session.Place}）"), true));
            var outcome = c.Status switch
            {
                CaseStatus.Resolved => "调解成功，双方达成了协议。",
                CaseStatus.ReferralApproved => $"未达成协议，已转交{(c.Referral?.ReceivingBody is { } body ? body : "有关部门")}处理。",
                CaseStatus.Terminated => "调解已终止。如有疑问请联系调解员。",
                CaseStatus.Declined => "不予受理。如有疑问请联系调解员。",
                _ => null,
            };
            steps.Add(new("结果", outcome ?? "调解进行中。", outcome is not null));
            mayWrite = outcome is null;
        }
        else
        {
            steps.Add(new("已受理", "正在等待调解员受理。", false));
            steps.Add(new("调解时间和地点", null, false));
            steps.Add(new("结果", null, false));
        }

        var files = a.Files.ToDictionary(f => f.Id, f => f.FileName);
        return new ApplicationStatusView(
            a.SubmittedAtUtc,
            steps,
            [.. a.Messages.OrderBy(m => m.AtUtc).ThenBy(m => m.Id)
                .Select(m => new StatusMessage(m.FromApplicant, m.AuthorName, m.Text, m.AtUtc, m.FileId is { } f && files.TryGetValue(f, out var n) ? n : null))],
            [.. a.Notifications.Where(n => n.SentAtUtc != null).OrderBy(n => n.CreatedAtUtc).ThenBy(n => n.Id)
                .Select(n => new StatusMessage(false, null, n.Text, n.CreatedAtUtc, null))],
            mayWrite);
    }

    /// <summary>Reads and checks one upload as the 卷宗 does (type by content, 10 MB); the refusal in plain words.</summary>
    private static async Task<((string Name, string Type, byte[] Content)? File, string? Refusal)> ReadAsync(UploadedFile file, CancellationToken ct)
    {
        if (file.Length > AttachmentRules.MaxBytes)
        {
            return (null, "文件不能超过 10 MB");
        }

        await using var stream = file.Open();
        var content = await AttachmentRules.ReadAsync(stream, ct);
        if (content is null)
        {
            return (null, "文件不能超过 10 MB");
        }

        var name = AttachmentRules.CleanFileName(file.FileName);
        var (type, refusal) = AttachmentRules.Check(name, content);
        return type is null ? (null, refusal!.Errors[0].Message.Replace("文件内容不是 PDF、JPG 或 PNG 格式", "只能上传照片（JPG、PNG）或 PDF 文件", StringComparison.Ordinal)) : ((name, type.ContentType, content), null);
    }

    private static string Hash(params string?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Select(p => p ?? "")))));
}

/// <summary>Settings of the public side (<c>Public</c> section): the rate limits.</summary>
public sealed class PublicOptions
{
    public const string Section = "Public";

    /// <summary>Form posts (apply, look up, write) per client address per 10 minutes.</summary>
    public int PostsPerAddress { get; set; } = 20;

    /// <summary>
    /// The address the posters' QR codes lead to (e.g. https://tiaojie.huilongba.gov.cn); without it, the address the
    /// administrator reached the app by.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Applications per phone number per day.</summary>
    public int ApplicationsPerPhone { get; set; } = 3;
}

/// <summary>The per-phone limit of applications (ASP.NET Core's rate limiting primitives): a day's window per number.</summary>
public sealed class PhoneRateLimiter(IOptions<PublicOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(phone =>
        RateLimitPartition.GetFixedWindowLimiter(phone, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.ApplicationsPerPhone,
            Window = TimeSpan.FromDays(1),
            QueueLimit = 0,
        }));

    public RateLimitLease Acquire(string phone) => _limiter.AttemptAcquire(phone);

    public void Dispose() => _limiter.Dispose();
}
