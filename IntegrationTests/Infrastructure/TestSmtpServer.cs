using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Fachwerk.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server inside the test process (package SmtpServer) that keeps what it accepted. It can refuse the next mails
/// (554, as a server that is unwell answers), or the next mails to one address, or hold a mail without answering until the test
/// lets it go.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();

    private TestSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Every mail accepted, in order.</summary>
    public IReadOnlyList<MimeMessage> Received => [.. _store.Received];

    /// <summary>How many mails were refused so far.</summary>
    public int Refused => _store.RefusedCount;

    /// <summary>Refuses the next <paramref name="count"/> mails.</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref _store.ToRefuse, count);

    /// <summary>Refuses the next <paramref name="count"/> mails to <paramref name="address"/>, and takes the others.</summary>
    public void RefuseMailTo(string address, int count) => _store.RefusedAddresses[address] = count;

    /// <summary>Holds the next mail without answering until <see cref="Release"/>, as a server that stalls.</summary>
    public void Hold() => _store.Held = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets a held mail go: accepted, or dropped as by a server that never answered it.</summary>
    public void Release(bool accept)
    {
        var held = _store.Held;
        _store.Held = null;
        held?.TrySetResult(accept);
    }

    /// <summary>Whether a mail is being held now.</summary>
    public Task Holding => _store.Holding.Task;

    public static TestSmtpServer Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new TestSmtpServer(port);
    }

    public async ValueTask DisposeAsync()
    {
        Release(accept: false);
        await _stop.CancelAsync();
        try { await _running; }
        catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public readonly ConcurrentQueue<MimeMessage> Received = new();
        public int ToRefuse;
        public int RefusedCount;
        public readonly ConcurrentDictionary<string, int> RefusedAddresses = new(StringComparer.OrdinalIgnoreCase);
        public volatile TaskCompletionSource<bool>? Held;
        public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref ToRefuse) >= 0 || RefusesAddressOf(transaction))
            {
                Interlocked.Increment(ref RefusedCount);
                return new SmtpResponse(SmtpReplyCode.TransactionFailed, "refused by the test");
            }
            Interlocked.Exchange(ref ToRefuse, 0);
            var message = await MimeMessage.LoadAsync(new MemoryStream(buffer.ToArray()), cancellationToken);
            if (Held is { } held)
            {
                Holding.TrySetResult();
                if (!await held.Task) return SmtpResponse.TransactionFailed;
            }
            Received.Enqueue(message);
            return SmtpResponse.Ok;
        }

        /// <summary>Whether the mail goes to an address still to be refused; counts the refusal.</summary>
        private bool RefusesAddressOf(IMessageTransaction transaction)
        {
            foreach (var to in transaction.To)
            {
                var address = $"{to.User}@{to.Host}";
                while (RefusedAddresses.TryGetValue(address, out var left) && left > 0)
                {
                    if (RefusedAddresses.TryUpdate(address, left - 1, left)) return true;
                }
            }
            return false;
        }
    }
}
