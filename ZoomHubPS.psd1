@{
    RootModule           = 'ZoomHubPS.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f3d3e-7c1a-4a57-9d0e-2f6c0b7e9a41'
    Author               = 'ZoomHubPS contributors'
    CompanyName          = 'ZoomHubPS'
    Copyright            = '(c) ZoomHubPS contributors. MIT License.'
    Description          = 'Sync Zoom webinar registrations and attendance into HubSpot, and register HubSpot contacts for Zoom webinars, from a shell, a script or an Azure Automation runbook. Includes a local sandbox twin of both APIs.'
    CompatiblePSEditions = @('Core', 'Desktop')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    # Dependencies load from Dependencies/ through the module's own resolver: no RequiredAssemblies, no NestedModules.
    FormatsToProcess     = @('ZoomHubPS.format.ps1xml')
    CmdletsToExport      = @(
        'Add-HubSpotContactToWebinar'
        'Add-ZoomWebinarRegistrant'
        'Connect-ZoomHub'
        'Disconnect-ZoomHub'
        'Export-ZoomHubSyncSetting'
        'Get-HubSpotContact'
        'Get-ZoomHubConnection'
        'Get-ZoomHubSyncSetting'
        'Get-ZoomUser'
        'Get-ZoomWebinar'
        'Get-ZoomWebinarAbsentee'
        'Get-ZoomWebinarAttendance'
        'Get-ZoomWebinarInstance'
        'Get-ZoomWebinarPanelist'
        'Get-ZoomWebinarParticipant'
        'Get-ZoomWebinarPoll'
        'Get-ZoomWebinarPollResult'
        'Get-ZoomWebinarQuestion'
        'Get-ZoomWebinarRecording'
        'Get-ZoomWebinarRegistrant'
        'Get-ZoomWebinarRegistrationQuestion'
        'Get-ZoomWebinarTranscript'
        'Initialize-ZoomHubSchema'
        'Invoke-ZoomHubRequest'
        'Invoke-ZoomHubSync'
        'New-ZoomHubSyncSetting'
        'Remove-ZoomHubSyncUserSetting'
        'Remove-ZoomHubSyncWebinarSetting'
        'Remove-ZoomWebinarRegistrant'
        'Set-ZoomHubSyncSetting'
        'Set-ZoomHubSyncUserSetting'
        'Set-ZoomHubSyncWebinarSetting'
        'Set-ZoomWebinarRegistrantStatus'
        'Start-ZoomHubSandbox'
        'Stop-ZoomHubSandbox'
        'Sync-ZoomWebinarToHubSpot'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('Zoom', 'HubSpot', 'Webinar', 'Marketing', 'Sync', 'AzureAutomation', 'PSEdition_Core', 'PSEdition_Desktop')
            LicenseUri = 'https://opensource.org/licenses/MIT'
        }
    }
}
