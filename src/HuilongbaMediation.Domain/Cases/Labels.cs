using System.Globalization;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>The Chinese labels of the case enums, one switch per enum: the UI, exports and history text use these.</summary>
public static class Labels
{
    public static string ToLabel(this CaseStatus status) => status switch
    {
        CaseStatus.Filed => "已登记",
        CaseStatus.Mediating => "调解中",
        CaseStatus.Resolved => "调解成功",
        CaseStatus.Referred => "已移交",
        CaseStatus.ReferralPending => "移交待审核",
        CaseStatus.ReferralApproved => "已移交",
        CaseStatus.Declined => "不予受理",
        CaseStatus.Terminated => "已终止",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The button label of a trigger.</summary>
    public static string ToLabel(this CaseTrigger trigger) => trigger switch
    {
        CaseTrigger.Accept => "受理",
        CaseTrigger.Decline => "不予受理",
        CaseTrigger.RecordSession => "记录调解",
        CaseTrigger.Resolve => "调解成功",
        CaseTrigger.Refer => "移交",
        CaseTrigger.Terminate => "终止调解",
        CaseTrigger.ApproveReferral => "审核通过",
        CaseTrigger.ReturnReferral => "退回重调",
        CaseTrigger.Reopen => "重新调解",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };

    public static string ToLabel(this CaseAction action) => action switch
    {
        CaseAction.File => "登记",
        CaseAction.AssignMediators => "指派调解员",
        CaseAction.ExtendDeadline => "延长办结期限",
        CaseAction.RecordFollowUp => "记录回访",
        CaseAction.RecordJudicialConfirmation => "记录司法确认",
        CaseAction.RevealPersonalData => "查看完整信息",
        CaseAction.IssueOriginal => "出具文书原件",
        CaseAction.ScheduleSession => "安排调解",
        CaseAction.CorrectParty => "更正当事人信息",
        CaseAction.AddParty => "追加当事人",
        CaseAction.AssignCommittee => "变更调解组织",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static string ToLabel(this PartyRole role) => role switch
    {
        PartyRole.Applicant => "申请人",
        PartyRole.Respondent => "被申请人",
        PartyRole.ThirdParty => "第三人",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static string ToLabel(this PartyKind kind) => kind switch
    {
        PartyKind.Person => "个人",
        PartyKind.Organization => "单位",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string ToLabel(this Gender gender) => gender switch
    {
        Gender.Male => "男",
        Gender.Female => "女",
        _ => throw new ArgumentOutOfRangeException(nameof(gender), gender, null),
    };

    public static string ToLabel(this RiskLevel level) => level switch
    {
        RiskLevel.Low => "低",
        RiskLevel.Medium => "中",
        RiskLevel.High => "高",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static string ToLabel(this AgreementKind kind) => kind switch
    {
        AgreementKind.Written => "书面（调解协议书）",
        AgreementKind.Oral => "口头协议",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string ToLabel(this TerminationReason reason) => reason switch
    {
        TerminationReason.ApplicantWithdrew => "当事人撤回申请",
        TerminationReason.PartyRefused => "一方明确拒绝调解（人民调解法第十七条）",
        TerminationReason.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static string ToLabel(this PerformanceStatus status) => status switch
    {
        PerformanceStatus.Full => "全部履行",
        PerformanceStatus.Partial => "部分履行",
        PerformanceStatus.None => "未履行",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string ToLabel(this AgentAuthority authority) => authority switch
    {
        AgentAuthority.General => "一般授权",
        AgentAuthority.Special => "特别授权",
        _ => throw new ArgumentOutOfRangeException(nameof(authority), authority, null),
    };

    public static string ToLabel(this Satisfaction satisfaction) => satisfaction switch
    {
        Satisfaction.Satisfied => "满意",
        Satisfaction.FairlySatisfied => "基本满意",
        Satisfaction.Dissatisfied => "不满意",
        _ => throw new ArgumentOutOfRangeException(nameof(satisfaction), satisfaction, null),
    };

    public static string ToLabel(this SessionKind kind) => kind switch
    {
        SessionKind.Mediation => "调解",
        SessionKind.Investigation => "调查",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string ToLabel(this JudicialOutcome outcome) => outcome switch
    {
        JudicialOutcome.Confirmed => "确认有效",
        JudicialOutcome.Rejected => "驳回申请",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string ToLabel(this PersonalDataField field) => field switch
    {
        PersonalDataField.IdNumber => "身份证号",
        PersonalDataField.Phone => "联系电话",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>What the date a step carries is called, for messages ("受理日期不能早于登记日期（…）") and the history.</summary>
    public static string EventDateLabel(string action) => action switch
    {
        nameof(CaseAction.File) => "登记日期",
        nameof(CaseTrigger.Accept) => "受理日期",
        nameof(CaseTrigger.Decline) => "不予受理日期",
        nameof(CaseTrigger.RecordSession) => "调解日期",
        nameof(CaseTrigger.Resolve) => "协议日期",
        nameof(CaseTrigger.Refer) => "移交日期",
        nameof(CaseTrigger.Terminate) => "终止日期",
        nameof(CaseTrigger.ApproveReferral) => "审核通过日期",
        nameof(CaseTrigger.ReturnReferral) => "退回日期",
        nameof(CaseTrigger.Reopen) => "重新调解日期",
        nameof(CaseAction.RecordFollowUp) => "回访日期",
        nameof(CaseAction.RecordJudicialConfirmation) => "司法确认日期",
        _ => "记录日期",
    };

    /// <summary>A time of day the way Chinese documents write it: 9时05分.</summary>
    public static string ToLabel(this TimeOnly time) => time.ToString("H时mm分", CultureInfo.InvariantCulture);

    /// <summary>A date the way Chinese documents write it: 2026年3月2日.</summary>
    public static string ToLabel(this DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
