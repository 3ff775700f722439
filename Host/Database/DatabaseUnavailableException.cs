namespace Fachwerk.Host.Database;

/// <summary>The host has no database to work with: none is configured, or the local cluster could not be started.</summary>
public class DatabaseUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
