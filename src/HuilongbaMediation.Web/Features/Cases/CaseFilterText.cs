using System.Globalization;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Resources;
using Microsoft.Extensions.Localization;

namespace HuilongbaMediation.Web.Features.Cases;

/// <summary>
/// A case filter in words, as the list says it above its rows: a dashboard figure opens the list with parts no control
/// shows (the events of a period, the state at a period's end, a group of categories), and the user must see them.
/// </summary>
public static class CaseFilterText
{
    /// <summary>Whether the filter has a part that none of the list's controls shows.</summary>
    public static bool HasHiddenParts(CaseFilter f) =>
        f.Event is not null || f.StateAsOf is not null || f.CategoryGroup is not null || f.SourceGroup is not null || f.KindId is not null
        || f.VenueId is not null || f.MinPeople is not null || f.Judicial is not null || f.ToCourt;

    /// <summary>Each part of the filter as a phrase, the most telling first ("2026年内调解成功的案件", "五云山村", …).</summary>
    public static IReadOnlyList<string> Describe(CaseFilter f, CaseOptions options, IStringLocalizer<CasesText> t)
    {
        var parts = new List<string>();
        if (f.Event is { } events)
        {
            parts.Add(string.Format(CultureInfo.CurrentCulture, t["Filter.Events"], Period(f.EventFrom, f.EventTo, t), Events(events, t)));
        }

        if (f.Judicial is { } judicial)
        {
            var what = t[$"Filter.Judicial.{judicial}"];
            parts.Add(string.Format(CultureInfo.CurrentCulture, t["Filter.Events"], Period(f.EventFrom, f.EventTo, t), what.ResourceNotFound ? judicial : what.Value));
        }

        if (f.StateAsOf is { } asOf && (f.States.Count > 0 || f.Overdue))
        {
            var states = f.States.Count > 0 ? States(f.States, t) : t["Status.Mediating"].Value;
            parts.Add(string.Format(CultureInfo.CurrentCulture, t[f.Overdue ? "Filter.OverdueAsOf" : "Filter.StateAsOf"], Day(asOf), states));
        }
        else
        {
            if (f.States.Count > 0)
            {
                parts.Add(string.Format(CultureInfo.CurrentCulture, t["Filter.States"], States(f.States, t)));
            }

            if (f.Overdue)
            {
                parts.Add(t["Filter.Overdue"]);
            }
        }

        Add(parts, options.Villages.FirstOrDefault(v => v.Id == f.VillageId)?.Name);
        Add(parts, t, "Filter.Category", options.Categories.FirstOrDefault(c => c.Id == f.CategoryId)?.Name);
        Add(parts, t, "Filter.CategoryGroup", f.CategoryGroup);
        Add(parts, t, "Filter.Mediator", options.Mediators.FirstOrDefault(m => m.Id == f.MediatorId)?.Name);
        Add(parts, f.Mine ? t["List.Mine"].Value : null);
        Add(parts, t, "Filter.Source", options.Sources.FirstOrDefault(s => s.Id == f.SourceId)?.Name);
        Add(parts, options.Committees.FirstOrDefault(s => s.Id == f.CommitteeId)?.Name);
        Add(parts, t, "Filter.SourceGroup", f.SourceGroup);
        Add(parts, t, "Filter.Kind", options.MediationKinds.FirstOrDefault(k => k.Id == f.KindId)?.Name);
        Add(parts, t, "Filter.Venue", options.Venues.FirstOrDefault(v => v.Id == f.VenueId)?.Name);
        Add(parts, t, "Filter.MinPeople", f.MinPeople?.ToString(CultureInfo.CurrentCulture));
        Add(parts, f.ToCourt ? t["Filter.ToCourt"].Value : null);
        Add(parts, t, "Filter.Risk", f.Risk is { } risk ? t[$"Risk.{risk}"].Value : null);
        if (f.FiledFrom is not null || f.FiledTo is not null)
        {
            parts.Add(string.Format(CultureInfo.CurrentCulture, t["Filter.Filed"], Period(f.FiledFrom, f.FiledTo, t)));
        }

        Add(parts, t, "Filter.Search", f.Search);
        return parts;
    }

    /// <summary>The events of <see cref="CaseFilter.Event"/> in words: "调解成功", "调解成功、移交或终止调解", "以书面协议调解成功".</summary>
    public static string Events(string events, IStringLocalizer<CasesText> t)
    {
        var names = events.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => t[$"Filter.Event.{e.Replace(':', '.')}"])
            .Select(s => s.ResourceNotFound ? s.Name["Filter.Event.".Length..] : s.Value)
            .ToList();
        return names.Count <= 1 ? string.Concat(names) : string.Join(t["Filter.ListSeparator"], names[..^1]) + t["Filter.LastSeparator"] + names[^1];
    }

    /// <summary>A period in words: a whole year ("2026年内"), a whole month ("2026年3月内"), or its two days.</summary>
    private static string Period(DateOnly? from, DateOnly? to, IStringLocalizer<CasesText> t) => (from, to) switch
    {
        ({ Month: 1, Day: 1 } f, { Month: 12, Day: 31 } l) when f.Year == l.Year => string.Format(CultureInfo.CurrentCulture, t["Filter.Period.Year"], f.Year),
        ({ Day: 1 } f, { } l) when l == f.AddMonths(1).AddDays(-1) => string.Format(CultureInfo.CurrentCulture, t["Filter.Period.Month"], f.Year, f.Month),
        ({ } f, { } l) => string.Format(CultureInfo.CurrentCulture, t["Filter.Period.Range"], Day(f), Day(l)),
        ({ } f, null) => string.Format(CultureInfo.CurrentCulture, t["Filter.Period.Since"], Day(f)),
        (null, { } l) => string.Format(CultureInfo.CurrentCulture, t["Filter.Period.Until"], Day(l)),
        _ => "",
    };

    private static string States(IEnumerable<CaseStatus> states, IStringLocalizer<CasesText> t) =>
        string.Join(t["Filter.ListSeparator"], states.Select(s => t[$"Status.{s}"].Value));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Add(List<string> parts, string? phrase)
    {
        if (!string.IsNullOrWhiteSpace(phrase))
        {
            parts.Add(phrase);
        }
    }

    private static void Add(List<string> parts, IStringLocalizer<CasesText> t, string format, string? value) =>
        Add(parts, value is null ? null : string.Format(CultureInfo.CurrentCulture, t[format], value));
}
