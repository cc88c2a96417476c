using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sessions.Storage;

namespace Sessions.IntegrationTests.Security;

/// <summary>A hash over every stored session, example and training run, to prove that hostile input changed nothing stored.</summary>
internal static class StoredDataDigest
{
    public static async Task<string> OfAsync(SessionsDbContext db, IReadOnlyCollection<string> sessionIds)
    {
        var text = new StringBuilder();
        foreach (var s in await db.Sessions.AsNoTracking().Where(s => sessionIds.Contains(s.SessionId)).OrderBy(s => s.SessionId).ToListAsync())
        {
            text.Append($"{s.SessionId}|{s.UserId}|{s.ModelName}|{s.Status}|{s.MessagesJson}|{s.ExampleCount}|{s.EmbeddingCount}\n");
        }

        foreach (var e in await db.Examples.AsNoTracking().Where(e => sessionIds.Contains(e.SessionId)).OrderBy(e => e.Id).ToListAsync())
        {
            text.Append($"{e.Id}|{e.SessionId}|{e.ModelName}|{e.ContentHash}|{e.Status}|{e.MessagesJson}\n");
        }

        foreach (var r in await db.TrainingRuns.AsNoTracking().OrderBy(r => r.CreatedAt).ToListAsync())
        {
            text.Append($"{r.Id}|{r.ModelName}|{r.Status}|{r.ModelVersion}|{r.ArtifactLocation}|{r.SnapshotHash}\n");
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
