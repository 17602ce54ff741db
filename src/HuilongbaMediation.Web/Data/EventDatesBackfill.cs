namespace HuilongbaMediation.Web.Data;

/// <summary>
/// What the migration that added the typed history columns writes into the rows that were already there: each step's
/// date from what its JSON carried (the agreement's date for a Resolve, the date entered for the other steps that
/// carried one), else the China date it was recorded on; the due date Accept, Reopen and ExtendDeadline set; the kind of
/// a Resolve's agreement; and a resolved case's conclusion on its agreement's date.
/// </summary>
internal static class EventDatesBackfill
{
    public const string Sql = """
        UPDATE "CaseHistory" SET "OccurredOn" = COALESCE(
            CASE "Action"
                WHEN 'File' THEN json_extract("Data", '$.FiledOn')
                WHEN 'Accept' THEN json_extract("Data", '$.AcceptedOn')
                WHEN 'Decline' THEN json_extract("Data", '$.DeclinedOn')
                WHEN 'RecordSession' THEN json_extract("Data", '$.HeldOn')
                WHEN 'Resolve' THEN json_extract("Data", '$.Agreement.SignedOn')
                WHEN 'Refer' THEN json_extract("Data", '$.ReferredOn')
                WHEN 'Terminate' THEN json_extract("Data", '$.TerminatedOn')
                WHEN 'ApproveReferral' THEN json_extract("Data", '$.ApprovedOn')
                WHEN 'RecordFollowUp' THEN json_extract("Data", '$.VisitedOn')
                WHEN 'RecordJudicialConfirmation' THEN json_extract("Data", '$.AppliedOn')
            END,
            date("AtUtc", '+8 hours'));
        UPDATE "CaseHistory" SET "DueOn" = json_extract("Data", CASE "Action" WHEN 'ExtendDeadline' THEN '$.NewDueOn' ELSE '$.DueOn' END)
            WHERE "Action" IN ('Accept', 'Reopen', 'ExtendDeadline');
        UPDATE "CaseHistory" SET "AgreementKind" = json_extract("Data", '$.Agreement.Kind') WHERE "Action" = 'Resolve';
        UPDATE "Cases" SET "ConcludedOn" = "Agreement_SignedOn" WHERE "Status" = 'Resolved' AND "Agreement_SignedOn" IS NOT NULL;
        """;
}
