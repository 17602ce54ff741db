using HuilongbaMediation.Domain.Cases;

namespace HuilongbaMediation.Domain.Tests.Cases;

public sealed class LabelsTests
{
    [Fact]
    public void Statuses_have_their_chinese_labels() =>
        Assert.Equal(
            ["已登记", "调解中", "调解成功", "已移交", "移交待审核", "已移交", "不予受理", "已终止"],
            Enum.GetValues<CaseStatus>().Select(s => s.ToLabel()));

    [Fact]
    public void Triggers_have_their_button_labels() =>
        Assert.Equal(
            ["受理", "不予受理", "记录调解", "调解成功", "移交", "终止调解", "审核通过", "退回重调", "重新调解"],
            Enum.GetValues<CaseTrigger>().Select(t => t.ToLabel()));

    [Fact]
    public void Party_risk_agreement_termination_and_performance_values_have_labels()
    {
        Assert.Equal(["申请人", "被申请人", "第三人"], Enum.GetValues<PartyRole>().Select(v => v.ToLabel()));
        Assert.Equal(["个人", "单位"], Enum.GetValues<PartyKind>().Select(v => v.ToLabel()));
        Assert.Equal(["男", "女"], Enum.GetValues<Gender>().Select(v => v.ToLabel()));
        Assert.Equal(["低", "中", "高"], Enum.GetValues<RiskLevel>().Select(v => v.ToLabel()));
        Assert.Equal(["书面（调解协议书）", "口头协议"], Enum.GetValues<AgreementKind>().Select(v => v.ToLabel()));
        Assert.Equal(
            ["当事人撤回申请", "一方明确拒绝调解（人民调解法第十七条）", "其他"],
            Enum.GetValues<TerminationReason>().Select(v => v.ToLabel()));
        Assert.Equal(["全部履行", "部分履行", "未履行"], Enum.GetValues<PerformanceStatus>().Select(v => v.ToLabel()));
        Assert.Equal(["身份证号", "联系电话"], Enum.GetValues<PersonalDataField>().Select(v => v.ToLabel()));
        Assert.All(Enum.GetValues<CaseAction>(), action => Assert.NotEmpty(action.ToLabel()));
    }

    [Fact]
    public void Dates_are_written_the_chinese_way() =>
        Assert.Equal("2026年3月2日", new DateOnly(2026, 3, 2).ToLabel());
}
