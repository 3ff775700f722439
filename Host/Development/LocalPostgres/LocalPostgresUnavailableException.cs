using Fachwerk.Host.Database;

namespace Fachwerk.Host.Development.LocalPostgres;

/// <summary>No PostgreSQL server binaries were found, or the cluster could not be started.</summary>
public sealed class LocalPostgresUnavailableException(string message, Exception? inner = null) : DatabaseUnavailableException(message, inner);
