using System.Globalization;

// The benchmarks (README "Benchmarks"). Without a verb: the hot paths on towns of 10,000, 100,000 and 1,000,000 cases
// (or the sizes given), each beside the hand-written SQL that answers the same question (see TownBenchmark).
switch (args)
{
    // `-- sign-in`: the password check's time for a known, an unknown, a deactivated and a locked-out user (see SignInTiming).
    case ["sign-in", ..]:
        await SignInTiming.RunAsync();
        return 0;

    // `-- search <town.db>`: the case list's search on a town made by `generate --cases N`, as two kinds of user (see SearchBenchmark).
    case ["search", var town]:
        await SearchBenchmark.RunAsync(town);
        return 0;

    // `-- transitions <town.db> [workers…]`: transitions per second through CaseService on a copy of a town (see TransitionBenchmark).
    case ["transitions", var transitionsTown, ..]:
        await HuilongbaMediation.Benchmarks.TransitionBenchmark.RunAsync(
            transitionsTown, args.Length > 2 ? [.. args[2..].Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [1, 4], TimeSpan.FromSeconds(10));
        return 0;

    // `-- import 10000`: a ledger of that many rows imported into an empty database, then imported again (see LedgerImportBenchmark).
    case ["import", ..]:
        await LedgerImportBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
        return 0;

    // `-- circuits 1 50`: the live heap one open page (a circuit) costs the server, with 1 and with 50 pages open.
    case ["circuits", ..]:
        await CircuitMemoryBenchmark.RunAsync(args.Length > 1 ? args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1, 50]);
        return 0;

    default:
        return await TownBenchmark.RunAsync(args);
}
