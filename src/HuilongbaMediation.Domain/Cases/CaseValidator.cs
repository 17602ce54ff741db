using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// The rules for what users enter on a case (DOMAIN.md "A case"), each reported as a <see cref="FieldError"/>
/// with a Chinese message, all at once. The limits are public so that forms can set their max lengths.
/// </summary>
public static class CaseValidator
{
    public const int NameMaxLength = 50;
    public const int AddressMaxLength = 200;
    public const int AgentScopeMaxLength = 200;
    public const int NoteMaxLength = 500;
    public const int ReasonMaxLength = 500;
    public const int SummaryMinLength = 10;
    public const int SummaryMaxLength = 2000;

    /// <summary>Longer records: session notes and the sections of an agreement.</summary>
    public const int RecordMaxLength = 2000;

    public const int MinPeopleInvolved = 2;

    /// <summary>The oldest age a party may be entered with.</summary>
    public const int MaxAge = 120;

    /// <summary>The earliest 出生日期 accepted (as for identity numbers).</summary>
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    /// <summary>
    /// The earliest 登记日期 accepted: the town's people's mediation records that this system holds start in this
    /// century, so an earlier date is a slip of the keyboard that would print a case number such as （1899）.
    /// Date pickers use it as their minimum.
    /// </summary>
    public static readonly DateOnly EarliestFilingDate = new(2000, 1, 1);

    /// <summary>Everything wrong with a filing; <paramref name="today"/> is the China date (<see cref="ChinaClock.Today"/>).</summary>
    public static IReadOnlyList<FieldError> Validate(CaseDraft draft, DateOnly today)
    {
        var errors = new FieldErrors();
        var summaryLength = Text.Required(draft.Summary).Length;
        if (summaryLength == 0)
        {
            errors.Add(nameof(draft.Summary), "请填写纠纷简要情况");
        }
        else
        {
            errors.AddIf(summaryLength < SummaryMinLength, nameof(draft.Summary), $"纠纷简要情况不少于 {SummaryMinLength} 字（现有 {summaryLength} 字）");
            errors.AddIf(summaryLength > SummaryMaxLength, nameof(draft.Summary), $"纠纷简要情况不超过 {SummaryMaxLength} 字（现有 {summaryLength} 字）");
        }

        errors.Text(nameof(draft.Request), draft.Request, "申请事项", NoteMaxLength, required: false);
        errors.Reference(nameof(draft.CategoryId), draft.CategoryId, "纠纷类型");
        errors.Reference(nameof(draft.SourceId), draft.SourceId, "案件来源");
        errors.Reference(nameof(draft.VillageId), draft.VillageId, "村（社区）或片区");
        errors.Reference(nameof(draft.MediationKindId), draft.MediationKindId, "调解类型");
        if (draft.VenueId is { } venueId)
        {
            errors.Reference(nameof(draft.VenueId), venueId, "调解场所");
        }

        if (draft.CommitteeId is { } committeeId)
        {
            errors.Reference(nameof(draft.CommitteeId), committeeId, "调解组织");
        }

        if (draft.AmountInvolved is { } amount)
        {
            errors.AddIf(amount < 0, nameof(draft.AmountInvolved), "涉及金额不能为负数");
            errors.AddIf(decimal.Round(amount, 2) != amount, nameof(draft.AmountInvolved), "涉及金额最多两位小数");
        }

        errors.AddIf(draft.PeopleInvolved < MinPeopleInvolved, nameof(draft.PeopleInvolved), $"涉及人数至少为 {MinPeopleInvolved}");
        errors.Defined(nameof(draft.RiskLevel), draft.RiskLevel, "风险等级");
        errors.Text(nameof(draft.RiskNote), draft.RiskNote, "风险说明", NoteMaxLength, required: draft.RiskLevel == RiskLevel.High);
        errors.AddIf(draft.FiledOn > today, nameof(draft.FiledOn), $"登记日期不能晚于今天（{today.ToLabel()}）");
        errors.AddIf(draft.FiledOn < EarliestFilingDate, nameof(draft.FiledOn), $"登记日期不能早于{EarliestFilingDate.ToLabel()}");

        var parties = draft.Parties ?? [];
        errors.AddIf(
            !parties.Any(p => p.Role == PartyRole.Applicant) || !parties.Any(p => p.Role == PartyRole.Respondent),
            nameof(draft.Parties),
            "至少需要一名申请人和一名被申请人");
        for (var i = 0; i < parties.Count; i++)
        {
            Validate(parties[i], $"{nameof(draft.Parties)}[{i}].", today, errors);
        }

        return errors.Errors;
    }

    /// <summary>
    /// A party corrected or added after filing, checked as at filing (its fields without a prefix: "IdNumber"), and the
    /// case's parties as they would be: still at least one applicant and one respondent.
    /// </summary>
    internal static IReadOnlyList<FieldError> Validate(PartyDraft party, IEnumerable<PartyRole> otherRoles, DateOnly today)
    {
        var errors = new FieldErrors();
        Validate(party, "", today, errors);
        var roles = otherRoles.Append(party.Role).ToList();
        errors.AddIf(
            !roles.Contains(PartyRole.Applicant) || !roles.Contains(PartyRole.Respondent),
            nameof(party.Role),
            "案件须保留至少一名申请人和一名被申请人");
        return errors.Errors;
    }

    /// <summary>A change of the handling committee: one that exists, other than the current one.</summary>
    internal static IReadOnlyList<FieldError> Validate(AssignCommitteeInput input, int? current)
    {
        var errors = new FieldErrors();
        errors.Reference(nameof(input.CommitteeId), input.CommitteeId, "调解组织");
        errors.AddIf(input.CommitteeId == current, nameof(input.CommitteeId), "本案已由该调解组织办理");
        return errors.Errors;
    }

    private static void Validate(PartyDraft party, string prefix, DateOnly today, FieldErrors errors)
    {
        errors.Defined(prefix + nameof(party.Role), party.Role, "当事人身份");
        errors.Defined(prefix + nameof(party.Kind), party.Kind, "个人或单位");
        errors.Text(prefix + nameof(party.Name), party.Name, "当事人姓名", NameMaxLength);
        var isOrganization = party.Kind == PartyKind.Organization;
        if (party.Gender is { } gender)
        {
            errors.AddIf(isOrganization, prefix + nameof(party.Gender), "单位当事人不填写性别");
            errors.Defined(prefix + nameof(party.Gender), gender, "性别");
        }

        if (Text.Clean(party.IdNumber) is { } idNumber)
        {
            var problem = isOrganization ? "单位当事人不填写身份证号" : IdNumber.Validate(idNumber, today);
            errors.AddIf(problem is not null, prefix + nameof(party.IdNumber), problem!);
        }

        if (Text.Clean(party.Phone) is { } phone)
        {
            errors.AddIf(!Phone.IsValid(phone), prefix + nameof(party.Phone), "联系电话须为手机号或带区号的固定电话");
        }

        errors.Text(prefix + nameof(party.RegisteredAddress), party.RegisteredAddress, "户籍地址", AddressMaxLength, required: false);
        errors.Text(prefix + nameof(party.CurrentAddress), party.CurrentAddress, "现住址", AddressMaxLength, required: false);
        if (isOrganization)
        {
            ValidateOrganization(party, prefix, errors);
        }
        else
        {
            ValidatePerson(party, prefix, today, errors);
        }

        ValidateAgent(party, prefix, errors);
    }

    /// <summary>民族, 出生日期 or 年龄, 职业: a person's details as the forms ask for them; no 法定代表人.</summary>
    private static void ValidatePerson(PartyDraft party, string prefix, DateOnly today, FieldErrors errors)
    {
        if (Text.Clean(party.Ethnicity) is { } ethnicity)
        {
            errors.AddIf(!Ethnicities.IsKnown(ethnicity), prefix + nameof(party.Ethnicity), "请从列表中选择民族");
        }

        var fromId = IdNumber.BirthDateOf(Text.Clean(party.IdNumber)?.ToUpperInvariant());
        if (party.BirthDate is { } born)
        {
            var problem = born > today ? $"出生日期不能晚于今天（{today.ToLabel()}）"
                : born < EarliestBirthDate ? $"出生日期不能早于{EarliestBirthDate.ToLabel()}"
                : fromId is { } idBorn && idBorn != born ? $"出生日期与身份证号不符（身份证号中为{idBorn.ToLabel()}）"
                : null;
            errors.AddIf(problem is not null, prefix + nameof(party.BirthDate), problem!);
        }

        if (party.Age is { } age)
        {
            var known = party.BirthDate ?? fromId;
            var problem = age is < 0 or > MaxAge ? $"年龄须在 0 到 {MaxAge} 岁之间"
                : known is { } k && k <= today && IdNumber.AgeOn(k, today) != age ? $"年龄与出生日期不符（应为 {IdNumber.AgeOn(k, today)} 岁）"
                : null;
            errors.AddIf(problem is not null, prefix + nameof(party.Age), problem!);
        }

        errors.Text(prefix + nameof(party.Occupation), party.Occupation, "职业", NameMaxLength, required: false);
        errors.AddIf(!Text.IsBlank(party.LegalRepresentative), prefix + nameof(party.LegalRepresentative), "个人当事人不填写法定代表人");
        errors.AddIf(!Text.IsBlank(party.LegalRepresentativeTitle), prefix + nameof(party.LegalRepresentativeTitle), "个人当事人不填写法定代表人职务");
    }

    /// <summary>An organisation has a 法定代表人（负责人） and no personal details.</summary>
    private static void ValidateOrganization(PartyDraft party, string prefix, FieldErrors errors)
    {
        errors.AddIf(!Text.IsBlank(party.Ethnicity), prefix + nameof(party.Ethnicity), "单位当事人不填写民族");
        errors.AddIf(party.BirthDate is not null, prefix + nameof(party.BirthDate), "单位当事人不填写出生日期");
        errors.AddIf(party.Age is not null, prefix + nameof(party.Age), "单位当事人不填写年龄");
        errors.AddIf(!Text.IsBlank(party.Occupation), prefix + nameof(party.Occupation), "单位当事人不填写职业");
        errors.Text(prefix + nameof(party.LegalRepresentative), party.LegalRepresentative, "法定代表人", NameMaxLength, required: false);
        errors.Text(prefix + nameof(party.LegalRepresentativeTitle), party.LegalRepresentativeTitle, "法定代表人职务", NameMaxLength, required: false);
        errors.AddIf(
            Text.IsBlank(party.LegalRepresentative) && !Text.IsBlank(party.LegalRepresentativeTitle),
            prefix + nameof(party.LegalRepresentative),
            "请填写法定代表人姓名");
    }

    /// <summary>A 委托代理人 needs a name and the scope of the authorisation; a special one names what the agent may do.</summary>
    private static void ValidateAgent(PartyDraft party, string prefix, FieldErrors errors)
    {
        if (Text.IsBlank(party.AgentName))
        {
            errors.AddIf(
                !Text.IsBlank(party.AgentRelationship) || party.AgentAuthority is not null || !Text.IsBlank(party.AgentScope),
                prefix + nameof(party.AgentName),
                "请填写委托代理人姓名");
            return;
        }

        errors.Text(prefix + nameof(party.AgentName), party.AgentName, "委托代理人姓名", NameMaxLength);
        errors.Text(prefix + nameof(party.AgentRelationship), party.AgentRelationship, "与当事人关系或工作单位", NameMaxLength, required: false);
        if (party.AgentAuthority is { } authority)
        {
            errors.Defined(prefix + nameof(party.AgentAuthority), authority, "代理权限");
        }
        else
        {
            errors.Add(prefix + nameof(party.AgentAuthority), "请选择代理权限");
        }

        errors.Text(prefix + nameof(party.AgentScope), party.AgentScope, "特别授权的代理事项", AgentScopeMaxLength, required: party.AgentAuthority == AgentAuthority.Special);
    }

    internal static IReadOnlyList<FieldError> Validate(DeclineInput data) =>
        Reason(nameof(data.Reason), data.Reason, "不予受理理由");

    /// <summary>A session's contents; its date is checked with the other event dates (MediationCase.Dated).</summary>
    internal static IReadOnlyList<FieldError> Validate(SessionInput session)
    {
        var errors = new FieldErrors();
        errors.Reference(nameof(session.VenueId), session.VenueId, "调解场所");
        errors.Text(nameof(session.Attendees), session.Attendees, "参加人员", NoteMaxLength);
        errors.Text(nameof(session.Summary), session.Summary, "调解情况", RecordMaxLength);
        errors.Defined(nameof(session.Kind), session.Kind, "记录类型");
        errors.AddIf(session.EndTime is not null && session.StartTime is null, nameof(session.StartTime), "填写结束时间的，请先填写开始时间");
        errors.AddIf(session.EndTime <= session.StartTime, nameof(session.EndTime), "结束时间须晚于开始时间");
        errors.Text(nameof(session.Recorder), session.Recorder, "记录人", NameMaxLength, required: false);
        return errors.Errors;
    }

    /// <summary>An agreement's contents and its other dates; the date signed is checked with the other event dates.</summary>
    internal static IReadOnlyList<FieldError> Validate(AgreementInput agreement, DateOnly today)
    {
        var errors = new FieldErrors();
        errors.Defined(nameof(agreement.Kind), agreement.Kind, "协议形式");
        var written = agreement.Kind == AgreementKind.Written;
        errors.Text(nameof(agreement.Facts), agreement.Facts, "主要事实", RecordMaxLength, required: written);
        errors.Text(nameof(agreement.MattersInDispute), agreement.MattersInDispute, "争议事项", RecordMaxLength, required: written);
        errors.Text(nameof(agreement.Responsibilities), agreement.Responsibilities, "各方责任", RecordMaxLength, required: written);
        errors.Text(nameof(agreement.Terms), agreement.Terms, "协议内容", RecordMaxLength);
        errors.Text(nameof(agreement.PerformanceManner), agreement.PerformanceManner, "履行方式", NoteMaxLength, required: written);
        errors.AddIf(agreement.EffectiveOn < agreement.SignedOn, nameof(agreement.EffectiveOn), "生效日期不能早于协议日期");
        errors.AddIf(agreement.EffectiveOn > today, nameof(agreement.EffectiveOn), "生效日期不能晚于今天");
        errors.AddIf(agreement.PerformanceDeadline < agreement.SignedOn, nameof(agreement.PerformanceDeadline), "履行期限不能早于协议日期");
        errors.Text(nameof(agreement.Recorder), agreement.Recorder, "记录人", NameMaxLength, required: false);
        if (agreement.AgreedAmount is { } amount)
        {
            errors.AddIf(amount < 0, nameof(agreement.AgreedAmount), "协议金额不能为负数");
            errors.AddIf(decimal.Round(amount, 2) != amount, nameof(agreement.AgreedAmount), "协议金额最多两位小数");
        }

        return errors.Errors;
    }

    internal static IReadOnlyList<FieldError> Validate(ReferInput data)
    {
        var errors = new FieldErrors();
        errors.Reference(nameof(data.TargetId), data.TargetId, "移交去向");
        errors.Text(nameof(data.Reason), data.Reason, "移交理由", ReasonMaxLength);
        return errors.Errors;
    }

    internal static IReadOnlyList<FieldError> Validate(TerminateInput data)
    {
        var errors = new FieldErrors();
        errors.Defined(nameof(data.Reason), data.Reason, "终止原因");
        errors.Text(nameof(data.Note), data.Note, "终止说明", NoteMaxLength, required: data.Reason == TerminationReason.Other);
        return errors.Errors;
    }

    internal static IReadOnlyList<FieldError> Validate(ApproveReferralInput data)
    {
        var errors = new FieldErrors();
        errors.Text(nameof(data.ReceivingBody), data.ReceivingBody, "接收单位", NameMaxLength);
        errors.Text(nameof(data.ReceiptNumber), data.ReceiptNumber, "回执编号", NameMaxLength, required: false);
        return errors.Errors;
    }

    internal static IReadOnlyList<FieldError> Validate(ReturnReferralInput data) =>
        Reason(nameof(data.Comment), data.Comment, "退回意见");

    internal static IReadOnlyList<FieldError> Validate(ReopenData data) =>
        Reason(nameof(data.Reason), data.Reason, "重新调解理由");

    internal static IReadOnlyList<FieldError> Validate(MediatorAssignment assignment)
    {
        var errors = new FieldErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(assignment.Lead.UserId), nameof(assignment.Lead), "请选择主办调解员");
        errors.AddIf(
            assignment.Assistants.Any(a => string.IsNullOrWhiteSpace(a.UserId)),
            nameof(assignment.Assistants),
            "请选择协办调解员");
        var userIds = assignment.Assistants.Select(a => a.UserId).Append(assignment.Lead.UserId).ToList();
        errors.AddIf(userIds.Distinct().Count() != userIds.Count, nameof(assignment.Assistants), "同一调解员不能重复指定");
        return errors.Errors;
    }

    internal static IReadOnlyList<FieldError> Validate(ExtendDeadlineData data, DateOnly today)
    {
        var errors = new FieldErrors();
        errors.AddIf(data.NewDueOn <= data.PreviousDueOn, nameof(data.NewDueOn), $"新的办结期限须晚于当前期限 {data.PreviousDueOn.ToLabel()}");
        errors.AddIf(data.NewDueOn < today, nameof(data.NewDueOn), $"新的办结期限不能早于今天（{today.ToLabel()}）");
        errors.Text(nameof(data.Reason), data.Reason, "延期理由", ReasonMaxLength);
        return errors.Errors;
    }

    internal static IReadOnlyList<FieldError> Validate(ScheduleSessionInput session, DateOnly today)
    {
        var errors = new FieldErrors();
        errors.AddIf(session.On < today, nameof(session.On), $"调解日期不能早于今天（{today.ToLabel()}）");
        errors.AddIf(session.On > today.AddYears(1), nameof(session.On), "调解日期不能晚于一年以后");
        errors.AddIf(string.IsNullOrWhiteSpace(session.VenueName), nameof(session.VenueId), "请选择调解场所");
        errors.Text(nameof(session.Place), session.Place, "地点说明", ScheduleSessionInput.PlaceMaxLength, required: false);
        return errors.Errors;
    }

    /// <summary>A visit's contents; its date is checked with the other event dates (not before the agreement).</summary>
    internal static IReadOnlyList<FieldError> Validate(FollowUpInput visit)
    {
        var errors = new FieldErrors();
        errors.Defined(nameof(visit.Performance), visit.Performance, "履行情况");
        errors.Text(nameof(visit.Notes), visit.Notes, "回访情况", NoteMaxLength, required: false);
        errors.Text(nameof(visit.VisitedPerson), visit.VisitedPerson, "回访对象", NameMaxLength, required: false);
        if (visit.Satisfaction is { } satisfaction)
        {
            errors.Defined(nameof(visit.Satisfaction), satisfaction, "满意度");
        }
        return errors.Errors;
    }

    internal static IReadOnlyList<FieldError> Validate(JudicialConfirmationInput confirmation, Agreement agreement, DateOnly today)
    {
        var errors = new FieldErrors();
        if (confirmation.AppliedOn is { } appliedOn)
        {
            errors.AddIf(!confirmation.IntendsToApply, nameof(confirmation.IntendsToApply), "已申请司法确认的，须注明当事人有意申请");
            errors.AddIf(
                appliedOn < agreement.EffectiveOn || appliedOn > agreement.JudicialConfirmationDeadline,
                nameof(confirmation.AppliedOn),
                $"须在协议生效之日起 {Agreement.JudicialConfirmationDays} 日内（{agreement.EffectiveOn.ToLabel()}至{agreement.JudicialConfirmationDeadline.ToLabel()}）申请司法确认");
            errors.AddIf(appliedOn > today, nameof(confirmation.AppliedOn), $"申请日期不能晚于今天（{today.ToLabel()}）");
            errors.Text(nameof(confirmation.Court), confirmation.Court, "受理法院", NameMaxLength);
            errors.Text(nameof(confirmation.CourtCaseNumber), confirmation.CourtCaseNumber, "法院案号", NameMaxLength, required: false);
            errors.Text(nameof(confirmation.Result), confirmation.Result, "确认结果", NoteMaxLength, required: confirmation.DecidedOn is not null);
            errors.AddIf(
                confirmation.DecidedOn is not null && (confirmation.Outcome is not { } outcome || !Enum.IsDefined(outcome)),
                nameof(confirmation.Outcome),
                "请选择裁定结论（确认有效或驳回申请）");
            if (confirmation.DecidedOn is { } decidedOn)
            {
                errors.AddIf(decidedOn < appliedOn, nameof(confirmation.DecidedOn), $"裁定日期不能早于申请日期（{appliedOn.ToLabel()}）");
                errors.AddIf(decidedOn > today, nameof(confirmation.DecidedOn), $"裁定日期不能晚于今天（{today.ToLabel()}）");
            }
            else
            {
                errors.AddIf(!string.IsNullOrWhiteSpace(confirmation.Result), nameof(confirmation.DecidedOn), "请填写裁定日期");
            }
        }
        else
        {
            errors.Text(nameof(confirmation.Court), confirmation.Court, "受理法院", NameMaxLength, required: false);
            errors.AddIf(!Text.IsBlank(confirmation.Result), nameof(confirmation.Result), "尚未申请司法确认，不能填写确认结果");
            errors.AddIf(!Text.IsBlank(confirmation.CourtCaseNumber), nameof(confirmation.CourtCaseNumber), "尚未申请司法确认，不能填写法院案号");
            errors.AddIf(confirmation.DecidedOn is not null, nameof(confirmation.DecidedOn), "尚未申请司法确认，不能填写裁定日期");
            errors.AddIf(confirmation.Outcome is not null, nameof(confirmation.Outcome), "尚未申请司法确认，不能填写裁定结论");
        }

        return errors.Errors;
    }

    internal static IReadOnlyList<FieldError> Validate(OriginalIssued issue)
    {
        var errors = new FieldErrors();
        errors.Text(nameof(issue.Document), issue.Document, "文书名称", OriginalIssued.MaxLength);
        errors.Text(nameof(issue.How), issue.How, "出具方式", OriginalIssued.MaxLength);
        return errors.Errors;
    }

    internal static IReadOnlyList<FieldError> Validate(RevealData data, Party? party)
    {
        var errors = new FieldErrors();
        errors.Defined(nameof(data.Field), data.Field, "要查看的信息");
        if (party is null)
        {
            errors.Add(nameof(data.PartyId), "当事人不存在");
        }
        else if (Enum.IsDefined(data.Field))
        {
            errors.AddIf(party.PersonalData(data.Field) is null, nameof(data.Field), $"该当事人未登记{data.Field.ToLabel()}");
        }

        return errors.Errors;
    }

    private static IReadOnlyList<FieldError> Reason(string field, string value, string label)
    {
        var errors = new FieldErrors();
        errors.Text(field, value, label, ReasonMaxLength);
        return errors.Errors;
    }
}
