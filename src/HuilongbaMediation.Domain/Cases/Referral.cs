namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// 移交: the case's latest referral to another body, from the request (Refer) through review
/// (ApproveReferral fills the receiving body; ReturnReferral the return comment). Referring again replaces it.
/// </summary>
public sealed class Referral
{
    /// <summary>The referral target (移交去向) reference-data id.</summary>
    public int TargetId { get; private set; }

    public string Reason { get; private set; } = "";

    /// <summary>Risk of violence: raises the case on the early-warning list.</summary>
    public bool Urgent { get; private set; }

    public DateOnly ReferredOn { get; private set; }

    /// <summary>接收单位, when approved.</summary>
    public string? ReceivingBody { get; private set; }

    /// <summary>回执编号, when approved and known.</summary>
    public string? ReceiptNumber { get; private set; }

    /// <summary>退回意见, when returned for mediation.</summary>
    public string? ReturnComment { get; private set; }

    internal static Referral From(ReferInput data) => new()
    {
        TargetId = data.TargetId,
        Reason = data.Reason,
        Urgent = data.Urgent,
        ReferredOn = data.ReferredOn,
    };

    internal void Approve(ApproveReferralInput data) => (ReceivingBody, ReceiptNumber) = (data.ReceivingBody, data.ReceiptNumber);

    internal void Return(ReturnReferralInput data) => ReturnComment = data.Comment;
}
