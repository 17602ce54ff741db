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
    public static IQueryable<MediationCase> VisibleTo(this IQueryable<MediationCase> cases, Actor actor) => actor.Role switch
    {
        UserRole.Mediator => cases.Where(c => c.VillageId == actor.VillageId || c.Mediators.Any(m => m.UserId == actor.UserId)),
        UserRole.VillageHead => cases.Where(c => c.VillageId == actor.VillageId),
        UserRole.JudicialOffice or UserRole.Admin => cases,
        _ => cases.Where(_ => false),
    };

    /// <summary>Applies every part of <paramref name="filter"/>; <paramref name="today"/> is the China date for "overdue".</summary>
    public static IQueryable<MediationCase> Matching(this IQueryable<MediationCase> cases, AppDbContext db, CaseFilter filter, Actor actor, DateOnly today)
    {
        if (filter.States.Count > 0)
        {
            var states = filter.States.ToList();
            if (filter.StateAsOf is { } asOf)
            {
                var end = ChinaClock.StartOfDayUtc(asOf.AddDays(1));
                cases = cases.Where(c => states.Contains(c.History.Where(h => h.AtUtc < end).OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id).Select(h => h.ToStatus).FirstOrDefault())
                    && c.History.Any(h => h.AtUtc < end));
            }
            else
            {
                cases = cases.Where(c => states.Contains(c.Status));
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

        if (filter.Risk is { } risk)
        {
            cases = cases.Where(c => c.RiskLevel == risk);
        }

        if (filter.Overdue)
        {
            var cutoff = filter.StateAsOf?.AddDays(1) ?? today;
            cases = filter.StateAsOf is null
                ? cases.Where(c => c.Status == CaseStatus.Mediating && c.DueOn < cutoff)
                : cases.Where(c => c.DueOn < cutoff);
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
            cases = cases.Where(c => c.Number.Contains(search) || c.Summary.Contains(search) || c.Parties.Any(p => p.Name.Contains(search)));
        }

        if (filter.Event is { } action)
        {
            var start = filter.EventFrom is { } ef ? ChinaClock.StartOfDayUtc(ef) : DateTime.MinValue;
            var end = filter.EventTo is { } et ? ChinaClock.StartOfDayUtc(et.AddDays(1)) : DateTime.MaxValue;
            cases = cases.Where(c => c.History.Any(h => h.Action == action && h.AtUtc >= start && h.AtUtc < end));
        }

        return cases;
    }
}
