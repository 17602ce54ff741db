using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Data;

/// <summary>
/// The same model as <see cref="AppDbContext"/> on PostgreSQL. A type of its own so that its migrations
/// (Data/Migrations/PostgreSQL, <c>[DbContext(typeof(PostgresAppDbContext))]</c>) and its model snapshot are apart from
/// SQLite's: EF Core picks a context's migrations by the context type, so neither engine ever sees the other's.
/// Services keep asking for <see cref="AppDbContext"/>; <see cref="DatabaseEngine"/> makes this one on PostgreSQL.
/// Its one table more is the Data Protection key ring, which every app server reads (a cookie made by one is read by
/// all); on SQLite, one process, the key ring stays in the data folder's <c>keys/</c>, where the backups take it.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions options) : AppDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
