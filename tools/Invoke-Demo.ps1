<#
.SYNOPSIS
    The main job: connect (the sandbox unless a real account is configured), create the HubSpot properties, save sync
    settings, run the account-wide sync once and show its summary, run it again (it writes nothing), and show a segment,
    a transcript and a HubSpot list registered for an upcoming webinar.
#>
param([Parameter(Mandatory)] [string] $ModulePath)
$ErrorActionPreference = 'Stop'
$env:NO_COLOR = '1'
if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }
Import-Module (Join-Path (Resolve-Path $ModulePath) 'ZoomHubPS.psd1') -Force
$started = [System.Diagnostics.Stopwatch]::StartNew()

# The settings file goes next to the built module (out/demo), not into the repository.
$work = New-Item -ItemType Directory -Force -Path (Join-Path (Split-Path (Resolve-Path $ModulePath) -Parent) 'demo')
Push-Location $work
try {
    $real = $env:ZOOMHUB_ZOOM_ACCOUNT_ID -and $env:ZOOMHUB_ZOOM_CLIENT_ID -and $env:ZOOMHUB_ZOOM_CLIENT_SECRET -and $env:ZOOMHUB_HUBSPOT_TOKEN
    if ($real) {
        Write-Host 'Connecting to the real Zoom account and HubSpot portal from the ZOOMHUB_* environment variables...'
        Connect-ZoomHub -FromEnvironment
    }
    else {
        Write-Host 'No account configured (ZOOMHUB_* variables): connecting to the sandbox, scenario "demo".'
        # The README's quick start, line for line from here (tests/pester/Docs.Tests.ps1 checks that they stay the same).
        Connect-ZoomHub -Sandbox -Scenario demo
    }
    Get-ZoomHubConnection | Format-Table | Out-Host

    Write-Host '== Schema'
    Initialize-ZoomHubSchema | Format-Table | Out-Host

    Write-Host '== Saved settings: every user, the last 60 days, recordings on'
    New-ZoomHubSyncSetting -LookbackDays 60 -SyncRecordings $true -Path ./sync.json -Force | Out-Host

    Write-Host '== One account-wide run (what an Azure Automation schedule runs)'
    Invoke-ZoomHubSync -SettingsPath ./sync.json | Out-Host

    Write-Host '== The same run again (it must write nothing: created and updated are 0)'
    Invoke-ZoomHubSync -SettingsPath ./sync.json -WarningAction SilentlyContinue | Format-Table Outcome, @{ Label = 'Instances'; Expression = { $_.InstancesSynced } }, Created, Updated, Unchanged, ZoomRequests, HubSpotRequests | Out-Host

    Write-Host '== Segment: contacts who attended at least half of a webinar on average'
    Get-HubSpotContact -Filter @{ zoomhub_webinar_average_attendance_percent = @{ gte = 50 } } | Format-Table | Out-Host

    if (-not $real) {
        Write-Host '== A transcript, and a HubSpot list registered for an upcoming webinar'
        Get-ZoomWebinarInstance -WebinarId 82345678901 | Get-ZoomWebinarTranscript -ErrorAction SilentlyContinue | Select-Object -First 5 | Format-Table | Out-Host
        Add-HubSpotContactToWebinar -ListId 42 -WebinarId 83456789012 -QuestionMap @{ org = 'company'; 'How did you hear about us?' = 'how_heard' } -ErrorAction Continue | Format-Table | Out-Host
    }

    Disconnect-ZoomHub
}
finally {
    Pop-Location
}

Write-Host ("Main job done in {0:n1} s." -f $started.Elapsed.TotalSeconds)
