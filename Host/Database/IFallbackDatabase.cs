namespace Fachwerk.Host.Database;

/// <summary>
/// The database the host uses when no connection string is configured. Only the Development environment registers one (the
/// local PostgreSQL cluster, Development/LocalPostgres); everywhere else a missing connection string stops the host.
/// </summary>
public interface IFallbackDatabase
{
    /// <summary>Makes the database ready (the first call may take seconds) and answers its connection string.</summary>
    string Start();
}
