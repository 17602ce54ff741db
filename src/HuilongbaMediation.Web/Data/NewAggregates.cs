using System.Collections;
using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HuilongbaMediation.Web.Data;

/// <summary>
/// Inserts many new aggregates — a root, the owned parts stored in the root's row, and its collections of children — with
/// one prepared INSERT per table, reused for every row. Everything it writes is read from EF's model: tables, columns,
/// each column's type mapping and value converter. So a row written here is the row <c>SaveChanges</c> would write
/// (<c>NewAggregatesTests</c> compares the two column by column on the demo town).
/// <para>
/// It exists for the writes that add thousands of cases at once — a ledger import, the demo town — where
/// <c>SaveChanges</c> spends most of its time tracking each entity and preparing the same INSERT again for every row.
/// It is no general bulk tool: it knows store-generated integer keys (read back with <c>RETURNING</c> where children need
/// them), owned types in the owner's table and collections whose foreign key points at their owner; a model with
/// anything else is refused when its plan is made. On an engine other than SQLite it hands the aggregates to <c>SaveChanges</c>.
/// </para>
/// The caller holds the write gate and a transaction on <paramref name="db"/>; the aggregates are not tracked
/// afterwards and their keys stay unset (read them back by a natural key such as the case number).
/// </summary>
internal static class NewAggregates
{
    private static readonly ConcurrentDictionary<(IModel, Type), TablePlan> Plans = new();

    public static void Insert<TRoot>(DbContext db, IReadOnlyCollection<TRoot> roots)
        where TRoot : class
    {
        if (roots.Count == 0)
        {
            return;
        }

        if (!db.Database.IsSqlite())
        {
            var detect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.AddRange(roots);
            db.SaveChanges();
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("NewAggregates.Insert writes inside the caller's transaction: begin one first.");
        var plan = PlanOf(db, typeof(TRoot));
        var commands = new Dictionary<TablePlan, DbCommand>();
        try
        {
            foreach (var root in roots)
            {
                Write(plan, root, parentKey: null, transaction, commands);
            }
        }
        finally
        {
            foreach (var command in commands.Values)
            {
                command.Dispose();
            }
        }
    }

    /// <summary>The tables an insert of <typeparamref name="TRoot"/> writes: the root's, then its children's, depth first.</summary>
    public static IReadOnlyList<string> Tables<TRoot>(DbContext db)
        where TRoot : class
    {
        var tables = new List<string>();
        void Add(TablePlan plan)
        {
            tables.Add(plan.Table);
            foreach (var (_, child) in plan.Children)
            {
                Add(child);
            }
        }

        Add(PlanOf(db, typeof(TRoot)));
        return tables;
    }

    private static TablePlan PlanOf(DbContext db, Type root) =>
        Plans.GetOrAdd((db.Model, root), key => TablePlan.For(key.Item1.FindEntityType(key.Item2)
            ?? throw new InvalidOperationException($"{key.Item2.Name} is not an entity type of the model.")));

    private static void Write(TablePlan plan, object entity, object? parentKey, DbTransaction transaction, Dictionary<TablePlan, DbCommand> commands)
    {
        if (!commands.TryGetValue(plan, out var command))
        {
            command = plan.Prepare(transaction);
            commands.Add(plan, command);
        }

        for (var i = 0; i < plan.Columns.Count; i++)
        {
            command.Parameters[i].Value = plan.Columns[i].Value(entity, parentKey) ?? DBNull.Value;
        }

        if (plan.Children.Count == 0)
        {
            command.ExecuteNonQuery();
            return;
        }

        var key = command.ExecuteScalar() ?? throw new InvalidOperationException($"INSERT INTO {plan.Table} returned no key.");
        foreach (var (children, childPlan) in plan.Children)
        {
            foreach (var child in (IEnumerable?)children.GetClrValue(entity) ?? Array.Empty<object>())
            {
                Write(childPlan, child, key, transaction, commands);
            }
        }
    }

    /// <summary>One column of an INSERT: its name, the type mapping EF binds it with, and how its value is read from the entity.</summary>
    private sealed record Column(string Name, RelationalTypeMapping Mapping, Func<object, object?, object?> Value);

    /// <summary>The INSERT of one entity type: its columns (with those of its owned parts), its generated key, its children.</summary>
    private sealed class TablePlan
    {
        private TablePlan(string table, string key, IReadOnlyList<Column> columns, IReadOnlyList<(IClrPropertyGetter, TablePlan)> children) =>
            (Table, Key, Columns, Children) = (table, key, columns, children);

        public string Table { get; }

        public string Key { get; }

        public IReadOnlyList<Column> Columns { get; }

        public IReadOnlyList<(IClrPropertyGetter Collection, TablePlan Plan)> Children { get; }

        public static TablePlan For(IEntityType type, IForeignKey? toParent = null)
        {
            var table = type.GetTableName() ?? throw Unsupported(type, "it is not mapped to a table");
            var store = StoreObjectIdentifier.Table(table, type.GetSchema());
            var key = type.FindPrimaryKey() is { Properties: [var k] } && k.ValueGenerated == ValueGenerated.OnAdd && (k.ClrType == typeof(int) || k.ClrType == typeof(long))
                ? k
                : throw Unsupported(type, "its key is not one integer generated by the database");

            var columns = new List<Column>();
            AddColumns(type, store, toParent, owner: static (entity, _) => entity, columns);
            var children = new List<(IClrPropertyGetter, TablePlan)>();
            foreach (var navigation in type.GetNavigations())
            {
                if (navigation.ForeignKey.IsOwnership && !navigation.IsCollection)
                {
                    continue; // in this table: AddColumns took its columns
                }

                if (!navigation.IsCollection || navigation.IsOnDependent || navigation.ForeignKey.PrincipalKey.Properties[0] != key)
                {
                    throw Unsupported(type, $"its navigation {navigation.Name} is neither an owned part nor a collection of its children");
                }

                children.Add((navigation.GetGetter(), For(navigation.TargetEntityType, navigation.ForeignKey)));
            }

            foreach (var skip in type.GetSkipNavigations())
            {
                throw Unsupported(type, $"its many-to-many navigation {skip.Name} is not supported");
            }

            return new TablePlan(table, key.GetColumnName(store) ?? key.Name, columns, children);
        }

        public DbCommand Prepare(DbTransaction transaction)
        {
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{Table}\" ({string.Join(", ", Columns.Select(c => $"\"{c.Name}\""))}) " +
                $"VALUES ({string.Join(", ", Columns.Select((_, i) => $"@p{i}"))})" + (Children.Count > 0 ? $" RETURNING \"{Key}\";" : ";");
            for (var i = 0; i < Columns.Count; i++)
            {
                command.Parameters.Add(Columns[i].Mapping.CreateParameter(command, $"@p{i}", value: null, nullable: true));
            }

            command.Prepare();
            return command;
        }

        /// <summary>
        /// The columns of <paramref name="type"/>'s properties (its generated key and, for an owned part, the key it shares
        /// with its owner left out) and, recursively, of its owned parts in the same table; the foreign key to the parent
        /// takes the parent's key.
        /// </summary>
        private static void AddColumns(IEntityType type, StoreObjectIdentifier store, IForeignKey? toParent, Func<object, object?, object?> owner, List<Column> columns)
        {
            var isOwned = type.IsOwned();
            foreach (var property in type.GetProperties())
            {
                if (property.IsPrimaryKey() && (isOwned || property.ValueGenerated == ValueGenerated.OnAdd))
                {
                    continue;
                }

                if (property.ValueGenerated != ValueGenerated.Never)
                {
                    throw Unsupported(type, $"its property {property.Name} is generated by the database");
                }

                var name = property.GetColumnName(store) ?? throw Unsupported(type, $"its property {property.Name} has no column in {store.Name}");
                var mapping = (RelationalTypeMapping)property.GetTypeMapping();
                var converter = mapping.Converter;
                Func<object?, object?> provider = converter is null
                    ? static v => v is Enum e ? Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture) : v
                    : v => v is null ? null : converter.ConvertToProvider(v);

                Func<object, object?, object?> value;
                if (toParent is not null && toParent.Properties.Contains(property))
                {
                    value = static (_, parentKey) => parentKey;
                }
                else if (property.IsShadowProperty())
                {
                    value = property.IsNullable ? static (_, _) => null : throw Unsupported(type, $"its shadow property {property.Name} cannot be null");
                }
                else
                {
                    var getter = property.GetGetter();
                    value = (entity, parentKey) => owner(entity, parentKey) is { } o ? provider(getter.GetClrValue(o)) : null;
                }

                columns.Add(new Column(name, mapping, value));
            }

            foreach (var navigation in type.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsCollection && n.DeclaringEntityType == type))
            {
                var target = navigation.TargetEntityType;
                if (target.GetTableName() != store.Name)
                {
                    throw Unsupported(type, $"its owned part {navigation.Name} is stored in a table of its own");
                }

                var getter = navigation.GetGetter();
                AddColumns(target, store, toParent: null, (entity, parentKey) => owner(entity, parentKey) is { } o ? getter.GetClrValue(o) : null, columns);
            }
        }

        private static NotSupportedException Unsupported(IEntityType type, string why) =>
            new($"NewAggregates cannot insert {type.DisplayName()}: {why}.");
    }
}
