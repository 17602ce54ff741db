using HuilongbaMediation.Domain.Cases;

namespace HuilongbaMediation.Web.Features.Cases;

/// <summary>A case as a write leaves it: its id, number and new version (the value of a successful case operation).</summary>
public sealed record CaseRef(int Id, string Number, int Version, CaseStatus Status);

/// <summary>What the case operations say when they refuse for a reason that is not a field's.</summary>
public static class CaseMessages
{
    public const string NotFound = "案件不存在";
    public const string Forbidden = "您无权查看或办理此案件";
    public const string Conflict = "案件已被他人修改，请刷新后重试";
}
