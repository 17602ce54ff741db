using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HuilongbaMediation.Web.Tests.Features.Dashboard;

/// <summary>Records the SQL commands EF Core executes on this async flow while it is alive (other tests' are not seen).</summary>
internal sealed class SqlRecorder : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private static readonly AsyncLocal<SqlRecorder?> Current = new();
    private readonly IDisposable _listeners;
    private readonly List<IDisposable> _subscriptions = [];

    public SqlRecorder()
    {
        Current.Value = this;
        _listeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public List<string> Texts { get; } = [];

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data && Current.Value == this)
        {
            lock (Texts)
            {
                Texts.Add(data.Command.CommandText);
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        Current.Value = null;
        _listeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
