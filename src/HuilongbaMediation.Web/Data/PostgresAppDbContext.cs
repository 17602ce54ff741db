using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Data;

/// <summary>
/// The same model as <see cref="AppDbContext"/> on PostgreSQL. A type of its own only so that its migrations
/// (Data/Migrations/PostgreSQL, <c>[DbContext(typeof(PostgresAppDbContext))]</c>) and its model snapshot are apart from
/// SQLite's: EF Core picks a context's migrations by the context type, so neither engine ever sees the other's.
/// Services keep asking for <see cref="AppDbContext"/>; <see cref="DatabaseEngine"/> makes this one on PostgreSQL.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<AppDbContext> options) : AppDbContext(options);
