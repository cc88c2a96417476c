using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Sessions.Storage.Migrations;

/// <summary>
/// Whether an admin's trigger is among those coalesced into a run's follow-up: only automatic ones obey
/// Trainer:MinInterval. Hand-written and provider-neutral, like the others.
/// </summary>
[DbContext(typeof(SessionsDbContext))]
[Migration("20261129000007_FollowUpManual")]
public partial class FollowUpManual : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<bool>("FollowUpManual", "TrainingRuns", nullable: false, defaultValue: false);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("FollowUpManual", "TrainingRuns");
}
