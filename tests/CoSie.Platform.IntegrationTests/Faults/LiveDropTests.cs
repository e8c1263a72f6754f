using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.ScaleOut;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Discussions.Live;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Faults;

// The network drops one live connection while replies keep coming; the instance itself keeps running. (An instance
// that stops is ScaleOut/ScaleOutFailoverTests; a catch-up without a real drop is Discussions/LiveDiscussionTests.)
public sealed class LiveDropTests(LiveDropTests.Factory factory) : IClassFixture<LiveDropTests.Factory>
{
    private const int Replies = 18;

    [Fact]
    public async Task A_client_whose_connection_drops_while_replies_are_posted_ends_with_every_event_once_and_in_order()
    {
        var cohort = await factory.OpenCohortAsync("Drop");
        var authors = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
        {
            authors.Add(await factory.ClientAsync(await factory.LearnerAsync(cohort, $"Drop author {i}")));
        }
        var reflectionId = await factory.WriteReflectionAsync(authors[0], cohort, "What do we lose when the line drops?");
        await using var balancer = new LoopbackBalancer(factory.ServerAddress);
        await using var live = await LiveClient.ConnectAsync(balancer.Address, await factory.SessionCookieHeaderAsync(await factory.LearnerAsync(cohort, "Drop reader")));
        var page = new ThreadPage();
        live.Connection.On<ThreadEventMessage>("ReplyPosted", page.Receive);
        var reconnects = 0;
        // As the page does on reconnecting: join again from the last sequence it applied.
        live.Connection.Reconnected += connectionId =>
        {
            Interlocked.Increment(ref reconnects);
            _ = page.JoinAsync(live, factory.A.Slug, reflectionId);
            return Task.CompletedTask;
        };
        await page.JoinAsync(live, factory.A.Slug, reflectionId);

        var posted = new List<Guid>();
        var drops = 0;
        for (var i = 0; i < Replies; i++)
        {
            posted.Add(await factory.ReplyAsync(authors[i % authors.Count], cohort, reflectionId, $"Reply {i} while the line comes and goes."));
            // Cut twice, each time with replies posted right after, while the client is away and reconnecting.
            if (i is 4 or 11)
            {
                // A second cut needs a connection to cut: on a fast machine the replies in between can all be posted
                // before the client is back from the first.
                var back = DateTime.UtcNow + TimeSpan.FromSeconds(30);
                while (Volatile.Read(ref reconnects) < drops && DateTime.UtcNow < back)
                {
                    await Task.Delay(20);
                }
                Assert.True(balancer.Sever() > 0, "No connection was open to cut.");
                drops++;
            }
        }
        var last = await factory.QueryAsync(db => db.Reflections.Where(r => r.Id == reflectionId).Select(r => r.LastEventSequence).SingleAsync());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (page.LastSequence < last && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(drops, Volatile.Read(ref reconnects));
        var applied = page.Applied;
        Assert.Equal(posted, applied.Select(m => m.PostId));
        Assert.Equal(Enumerable.Range(2, Replies).Select(s => (long)s), applied.Select(m => m.Sequence));
        Assert.All(applied, m => Assert.Equal(ThreadEventKind.ReplyPosted, m.Kind));
    }

    // What the thread page does with live events (live-thread.js): apply each sequence once, in order. While a join or
    // a catch-up is in flight, pushes are held until its missed events are applied, because a push of a later event can
    // arrive before its answer with the earlier ones. A push that skips a sequence (one lost, or two crossing) asks for
    // the events in between with CatchUp before it is applied.
    private sealed class ThreadPage
    {
        private readonly Lock _gate = new();
        private readonly List<ThreadEventMessage> _applied = [];
        private readonly List<ThreadEventMessage> _held = [];
        private LiveClient? _live;
        private Guid _reflectionId;
        private long _last;
        private int _fetching;

        public long LastSequence
        {
            get
            {
                lock (_gate)
                {
                    return _last;
                }
            }
        }

        public List<ThreadEventMessage> Applied
        {
            get
            {
                lock (_gate)
                {
                    return [.. _applied];
                }
            }
        }

        public void Receive(ThreadEventMessage message)
        {
            lock (_gate)
            {
                ReceiveLocked(message);
            }
        }

        public Task JoinAsync(LiveClient live, string institution, Guid reflectionId)
        {
            lock (_gate)
            {
                _live = live;
                _reflectionId = reflectionId;
            }
            return FetchAsync(from => live.JoinAsync(institution, reflectionId, from));
        }

        private void ReceiveLocked(ThreadEventMessage message)
        {
            if (_fetching > 0)
            {
                _held.Add(message);
            }
            else if (message.Sequence > _last + 1 && _live is { } live)
            {
                _held.Add(message);
                var reflectionId = _reflectionId;
                _ = FetchAsync(from => live.Connection.InvokeAsync<JoinResult>("CatchUp", reflectionId, from));
            }
            else
            {
                Apply(message);
            }
        }

        private async Task FetchAsync(Func<long, Task<JoinResult>> call)
        {
            long from;
            lock (_gate)
            {
                _fetching++;
                from = _last;
            }
            var caughtUp = false;
            try
            {
                var result = await call(from);
                Assert.True(result.Joined);
                lock (_gate)
                {
                    result.Missed.ToList().ForEach(Apply);
                    _last = Math.Max(_last, result.LastSequence);
                }
                caughtUp = true;
            }
            finally
            {
                lock (_gate)
                {
                    if (--_fetching == 0)
                    {
                        var held = _held.OrderBy(m => m.Sequence).ToList();
                        _held.Clear();
                        // A call cut off by another drop brought none of what was missed: applying the held pushes would
                        // leave a gap behind them. The join after the reconnect brings them all.
                        if (caughtUp)
                        {
                            held.ForEach(ReceiveLocked);
                        }
                    }
                }
            }
        }

        // Sequence 1 is the reflection itself, which the page shows already.
        private void Apply(ThreadEventMessage message)
        {
            if (message.Sequence <= _last)
            {
                return;
            }
            _last = message.Sequence;
            if (message.Sequence > 1)
            {
                _applied.Add(message);
            }
        }
    }

    public sealed class Factory : DiscussionFactory
    {
        public Factory()
        {
            UseKestrel(0);
            // The live client and its reconnects run on real time; the app's clock starts at it.
            Clock.SetUtcNow(DateTimeOffset.UtcNow);
        }

        public Uri ServerAddress { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            StartServer();
            ServerAddress = ClientOptions.BaseAddress;
        }

        public Task<HttpClient> ClientAsync(PlatformUser user) => this.CreateRealPortClientAsAsync(ServerAddress, user);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Three people post eighteen replies within seconds; the flood limit is not what this test is about.
            builder.UseSetting("Discussions:PostsPerMinute", "1000");
        }
    }
}
