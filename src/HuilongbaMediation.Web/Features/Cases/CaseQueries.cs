using System.Linq.Expressions;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Cases;

/// <summary>
/// Case filters as SQL. <see cref="VisibleTo"/> is <see cref="CaseAccess.CanRead"/> written as a query, for lists,
/// exports and counts, where loading each case to ask the domain would load every row; a test holds the two equal.
/// </summary>
public static class CaseQueries
{
    private const string Resolve = nameof(CaseTrigger.Resolve);
    private const string FollowUp = nameof(CaseAction.RecordFollowUp);

    /// <summary>Whether <see cref="VisibleTo"/> lets <paramref name="actor"/> see every case (the judicial office, an admin).</summary>
    public static bool SeesEveryCase(Actor actor) => actor.Role is UserRole.JudicialOffice or UserRole.Admin;

    /// <param name="scopeLeads">
    /// False when another condition finds the rows (a search's few candidates) and the scope should only be tested on them:
    /// a village's scope is then written <c>VillageId + 0</c>, no longer the indexed column, or SQLite reads every case of
    /// the village by its index to test each against the candidates (a rare name at a million cases: 15 ms against 0.3 ms).
    /// </param>
    public static IQueryable<MediationCase> VisibleTo(this IQueryable<MediationCase> cases, Actor actor, bool scopeLeads = true) => actor.Role switch
    {
        UserRole.Mediator => cases.Where(c => c.VillageId == actor.VillageId || c.Mediators.Any(m => m.UserId == actor.UserId)),
        UserRole.VillageHead when scopeLeads => cases.Where(c => c.VillageId == actor.VillageId),
        UserRole.VillageHead => cases.Where(c => c.VillageId + 0 == actor.VillageId),
        UserRole.JudicialOffice or UserRole.Admin => cases,
        _ => cases.Where(_ => false),
    };

    /// <summary>Applies every part of <paramref name="filter"/>; <paramref name="today"/> is the China date for "overdue".</summary>
    /// <param name="walk">How a search term's matches are found (<see cref="SearchWalk"/>); by the index's candidates unless told.</param>
    public static IQueryable<MediationCase> Matching(this IQueryable<MediationCase> cases, AppDbContext db, CaseFilter filter, Actor actor, DateOnly today, SearchWalk walk = SearchWalk.None)
    {
        if (filter.StateAsOf is { } asOf && (filter.States.Count > 0 || filter.Overdue))
        {
            var states = filter.States.Select(s => (CaseStatus?)s).ToList();
            var asOfCases = cases.AsOf(asOf, today);
            if (states.Count > 0)
            {
                asOfCases = asOfCases.Where(x => states.Contains(x.State));
            }

            if (filter.Overdue)
            {
                asOfCases = asOfCases.Where(x => x.Overdue);
            }

            cases = asOfCases.Select(x => x.Case);
        }
        else
        {
            if (filter.States.Count > 0)
            {
                var states = filter.States.ToList();
                cases = cases.Where(c => states.Contains(c.Status));
            }

            if (filter.Overdue)
            {
                cases = cases.Where(c => c.Status == CaseStatus.Mediating && c.DueOn < today);
            }
        }

        if (filter.VillageId is { } village)
        {
            cases = cases.Where(c => c.VillageId == village);
        }

        if (filter.CategoryId is { } category)
        {
            cases = cases.Where(c => c.CategoryId == category);
        }

        if (filter.CategoryGroup is { } group)
        {
            var categories = db.Categories.Where(x => x.StatisticsGroup == group).Select(x => x.Id);
            cases = cases.Where(c => categories.Contains(c.CategoryId));
        }

        var mediator = filter.Mine ? actor.UserId : filter.MediatorId;
        if (mediator is not null)
        {
            cases = cases.Where(c => c.Mediators.Any(m => m.UserId == mediator));
        }

        if (filter.SourceId is { } source)
        {
            cases = cases.Where(c => c.SourceId == source);
        }

        if (filter.CommitteeId is { } committee)
        {
            cases = cases.Where(c => c.CommitteeId == committee);
        }

        if (filter.SourceGroup is { } sourceGroup)
        {
            var codes = SourceGroups.CodesOf(sourceGroup);
            var sources = db.CaseSources.Where(x => x.Code != null && codes.Contains(x.Code)).Select(x => x.Id);
            cases = cases.Where(c => sources.Contains(c.SourceId));
        }

        if (filter.KindId is { } kind)
        {
            cases = cases.Where(c => c.MediationKindId == kind);
        }

        if (filter.VenueId is { } venue)
        {
            cases = cases.Where(c => c.VenueId == venue);
        }

        if (filter.MinPeople is { } people)
        {
            cases = cases.Where(c => c.PeopleInvolved >= people);
        }

        if (filter.Judicial is { } judicial)
        {
            var start = filter.EventFrom ?? DateOnly.MinValue;
            var end = filter.EventTo ?? DateOnly.MaxValue;
            if (judicial == CaseFilter.JudicialApplied)
            {
                cases = cases.Where(c => c.JudicialConfirmation!.AppliedOn >= start && c.JudicialConfirmation.AppliedOn <= end);
            }
            else
            {
                var outcome = Enum.TryParse<JudicialOutcome>(judicial, out var parsed) && Enum.IsDefined(parsed) ? parsed : (JudicialOutcome?)null;
                cases = cases.Where(c => c.JudicialConfirmation!.Outcome == outcome && c.JudicialConfirmation.DecidedOn >= start && c.JudicialConfirmation.DecidedOn <= end);
            }
        }

        if (filter.ToCourt)
        {
            var courts = db.ReferralTargets.Where(IsCourt).Select(t => t.Id);
            cases = cases.Where(c => c.Referral != null && courts.Contains(c.Referral.TargetId));
        }

        if (filter.Risk is { } risk)
        {
            cases = cases.Where(c => c.RiskLevel == risk);
        }

        if (filter.FiledFrom is { } from)
        {
            cases = cases.Where(c => c.FiledOn >= from);
        }

        if (filter.FiledTo is { } to)
        {
            cases = cases.Where(c => c.FiledOn <= to);
        }

        if (filter.Search is { Length: > 0 } search)
        {
            // The index finds the few cases that may match without reading the others; the exact test runs on those only.
            var candidates = CaseSearchIndex.Of(db).CandidateIds(db, search);
            cases = walk switch
            {
                SearchWalk.Exact => cases,
                // "Id + 0" is no longer the key, so the planner cannot look each candidate up by it and keeps to the list's order.
                SearchWalk.Candidates => cases.Where(c => candidates.Contains(c.Id + 0)),
                _ => cases.Where(c => candidates.Contains(c.Id)),
            };
            cases = cases.Where(c => c.Number.Contains(search) || c.Summary.Contains(search) || c.Parties.Any(p => p.Name.Contains(search)));
        }

        if (filter.Event is { } events)
        {
            cases = cases.Where(c => c.History.AsQueryable().Any(Events(events, filter.EventFrom, filter.EventTo)));
        }

        return cases;
    }

    /// <summary>
    /// Each case with its state at the end of the date <paramref name="asOf"/> (null when it had not been filed by then) and
    /// whether it was overdue then: in mediation, with the due date it had then before min(<paramref name="today"/>,
    /// <paramref name="asOf"/>). Both come from the history by the steps' own dates (then the order they were recorded in),
    /// so that a closed period's figures never change later and a step entered after the fact counts when it happened.
    /// The state is the last change of status; the recorded actions, dated when recorded, do not move it.
    /// </summary>
    public static IQueryable<CaseAsOf> AsOf(this IQueryable<MediationCase> cases, DateOnly asOf, DateOnly today)
    {
        var cutoff = asOf < today ? asOf : today;
        return cases
            .Select(c => new
            {
                Case = c,
                State = c.History.Where(h => h.OccurredOn <= asOf && (h.FromStatus == null || h.FromStatus != h.ToStatus))
                    .OrderByDescending(h => h.OccurredOn).ThenByDescending(h => h.Id)
                    .Select(h => (CaseStatus?)h.ToStatus)
                    .FirstOrDefault(),
                DueOn = c.History.Where(h => h.OccurredOn <= asOf && h.DueOn != null)
                    .OrderByDescending(h => h.OccurredOn).ThenByDescending(h => h.Id)
                    .Select(h => h.DueOn)
                    .FirstOrDefault(),
            })
            .Select(x => new CaseAsOf
            {
                Case = x.Case,
                State = x.State,
                Overdue = x.State == CaseStatus.Mediating && x.DueOn < cutoff,
            });
    }

    /// <summary>
    /// History entries of <paramref name="events"/> that happened between two dates (inclusive; open-ended when null).
    /// <paramref name="events"/> is an action name ("Resolve"), several separated by commas ("Resolve,ApproveReferral"),
    /// and a Resolve may name its agreement's kind ("Resolve:Written"; see <see cref="ResolvedWith"/>).
    /// </summary>
    public static Expression<Func<HistoryEntry, bool>> Events(string events, DateOnly? from, DateOnly? to)
    {
        var start = from ?? DateOnly.MinValue;
        var end = to ?? DateOnly.MaxValue;
        var parts = events.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.Split(':', 2)).ToList();
        var actions = parts.Select(p => p[0]).Distinct(StringComparer.Ordinal).ToList();
        var kind = parts.Select(p => p is [Resolve, var k] && Enum.TryParse<AgreementKind>(k, out var parsed) && Enum.IsDefined(parsed) ? parsed : (AgreementKind?)null)
            .FirstOrDefault(k => k is not null);
        var petition = parts.Any(p => p is [Resolve, PreventedGroupPetition]);
        var performance = parts.Select(p => p is [FollowUp, var k] && Enum.TryParse<PerformanceStatus>(k, out var parsed) && Enum.IsDefined(parsed) ? parsed : (PerformanceStatus?)null)
            .FirstOrDefault(k => k is not null);
        if (kind is null && !petition && performance is null)
        {
            return h => actions.Contains(h.Action) && h.OccurredOn >= start && h.OccurredOn <= end;
        }

        return h => actions.Contains(h.Action) && h.OccurredOn >= start && h.OccurredOn <= end
            && (h.Action != Resolve || ((kind == null || h.AgreementKind == kind) && (!petition || h.PreventedGroupPetition)))
            && (h.Action != FollowUp || performance == null || h.Performance == performance);
    }

    /// <summary>The qualifier of a resolution marked 防止群体性上访: <c>Resolve:PreventedGroupPetition</c>.</summary>
    public const string PreventedGroupPetition = nameof(PreventedGroupPetition);

    /// <summary>The <see cref="CaseFilter.Event"/> of a resolution marked 防止群体性上访.</summary>
    public static string ResolvedPreventingPetition => $"{Resolve}:{PreventedGroupPetition}";

    /// <summary>The <see cref="CaseFilter.Event"/> of a follow-up visit that found this performance.</summary>
    public static string FollowedUpWith(PerformanceStatus performance) => $"{FollowUp}:{performance}";

    /// <summary>
    /// A referral target that is a court (法院, 人民法庭): the seeded 陈家桥人民法庭 (code <c>court-…</c>) and any court an admin
    /// adds by name. A case referred there and approved has gone to court (无诉讼村, the annual report).
    /// </summary>
    public static readonly Expression<Func<HuilongbaMediation.Domain.Reference.ReferralTarget, bool>> IsCourt =
        t => (t.Code != null && t.Code.StartsWith("court")) || t.Name.Contains("法院") || t.Name.Contains("法庭");

    /// <summary>The <see cref="CaseFilter.Event"/> of any of these actions.</summary>
    public static string AnyOf(params IEnumerable<string> actions) => string.Join(',', actions);

    /// <summary>The <see cref="CaseFilter.Event"/> of a resolution with an agreement of this kind.</summary>
    public static string ResolvedWith(AgreementKind kind) => $"{Resolve}:{kind}";
}

/// <summary>
/// How the list finds a search term's matches. A rare term: the index's candidates, each read and tested, then sorted.
/// A term in very many cases (<see cref="CaseSearchIndex.IsCommonAsync"/>, e.g. 王 in some 20,000 cases of a million),
/// with the list sorted by an indexed column (filing date, number): the cases are read in the list's order and tested,
/// stopping at the page, so that the page does not cost reading and sorting every match.
/// </summary>
public enum SearchWalk
{
    /// <summary>The index's candidates, looked up by id.</summary>
    None,

    /// <summary>
    /// The list's order, each case tested by the exact test alone: a first page of 王 at a million cases reads about 1,250
    /// cases. Its cost grows with the page's depth (25 ÷ the share of cases that match, per page).
    /// </summary>
    Exact,

    /// <summary>
    /// The list's order, each case first looked up among the candidates (read once into a lookup table, all of them): a fixed
    /// cost (20,000 candidates for 王 at a million cases), then cheap per case; for the deeper pages.
    /// </summary>
    Candidates,
}

/// <summary>A case with its state, and whether it was overdue, at the end of a date (<see cref="CaseQueries.AsOf"/>).</summary>
public sealed class CaseAsOf
{
    public required MediationCase Case { get; init; }

    public CaseStatus? State { get; init; }

    public bool Overdue { get; init; }
}
