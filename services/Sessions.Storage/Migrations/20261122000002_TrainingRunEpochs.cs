using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Sessions.Storage.Migrations;

/// <summary>The epoch count a run was asked for. Hand-written and provider-neutral, like Initial.</summary>
[DbContext(typeof(SessionsDbContext))]
[Migration("20261122000002_TrainingRunEpochs")]
public partial class TrainingRunEpochs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<int>("Epochs", "TrainingRuns", nullable: false, defaultValue: 0);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("Epochs", "TrainingRuns");
}
