# Help that resolves, a manifest a gallery can show, a README that says what the demo does, a small package.
BeforeDiscovery {
    # The per-cmdlet tests are generated from the module's cmdlets: import it before Pester discovers them.
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifestPath) -Force
    $cmdlets = (Get-Command -Module ZoomHubPS -CommandType Cmdlet).Name
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifestPath = Get-ModuleManifestPath
    $manifest = Import-PowerShellDataFile $manifestPath
    Import-Module $manifestPath -Force
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $projectUri = $manifest.PrivateData.PSData.ProjectUri
}

Describe 'Online help' {
    It '<_> has a HelpUri on the project''s docs, for a doc that exists' -ForEach $cmdlets {
        $uri = (Get-Command $_).HelpUri
        $uri | Should -Be "$projectUri/blob/main/docs/$_.md"
        Test-Path (Join-Path $repo "docs/$_.md") | Should -BeTrue
    }

    It '<_>: Get-Help -Online opens the cmdlet''s page, and every related link is an absolute link' -ForEach $cmdlets {
        # Get-Help -Online opens the first related link's URI; a relative one fails with "... is not valid".
        $links = @((Get-Help $_).relatedLinks.navigationLink)
        $links[0].uri | Should -Be (Get-Command $_).HelpUri
        foreach ($l in $links) {
            [uri]::IsWellFormedUriString($l.uri, [UriKind]::Absolute) | Should -BeTrue -Because "'$($l.linkText)' links to '$($l.uri)'"
        }
    }

    It 'shows the default values parameters have' {
        (Get-Help Connect-ZoomHub -Parameter Scenario).defaultValue | Should -Be 'demo'
        (Get-Help Connect-ZoomHub -Parameter ZoomPlan).defaultValue | Should -Be 'Pro'
        (Get-Help Get-ZoomWebinarRegistrant -Parameter PageSize).defaultValue | Should -Be '300'
        (Get-Help Add-HubSpotContactToWebinar -Parameter JoinUrlProperty).defaultValue | Should -Be 'zoomhub_last_registered_webinar_url'
        (Get-Help Sync-ZoomWebinarToHubSpot -Parameter Detailed).defaultValue | Should -Be 'False'
        (Get-Help Get-ZoomWebinar -Parameter WebinarId).defaultValue | Should -Be 'None'
    }
}

Describe 'about_ topics' {
    It '<_> has a whole sentence as its synopsis' -ForEach (Get-ChildItem (Join-Path $PSScriptRoot '../../docs') -Filter 'about_*.md').BaseName {
        $markdown = Get-Content (Join-Path $PSScriptRoot "../../docs/$_.md") -Raw
        $short = (($markdown -split '## Short description')[1] -split '\n#')[0] -replace '\s+', ' '
        $synopsis = (Get-Help $_).Synopsis
        $synopsis | Should -Not -BeNullOrEmpty
        $synopsis.Trim() | Should -Be $short.Trim()
        $synopsis.Trim() | Should -Match '\.$'
    }

    It 'about_ZoomHubPS explains the console habits: progress, connections, completion, exports, PSZoom' {
        $text = Get-Help about_ZoomHubPS | Out-String
        foreach ($topic in 'progress bar', 'ListAvailable', '\$using:c', 'Tab completes', 'InformationVariable', 'Import-Module ZoomHubPS -Prefix', 'ZoomHubPS\\Get-ZoomWebinar') {
            $text | Should -Match $topic
        }
    }
}

Describe 'The manifest' {
    It 'has a project page, its license file, release notes and tags' {
        $projectUri | Should -Match '^https://github\.com/'
        $manifest.PrivateData.PSData.LicenseUri | Should -Be "$projectUri/blob/main/LICENSE"
        Test-Path (Join-Path $repo 'LICENSE') | Should -BeTrue
        $manifest.PrivateData.PSData.ReleaseNotes | Should -Match 'Sync-ZoomWebinarToHubSpot'
        foreach ($tag in 'Zoom', 'HubSpot', 'Webinar', 'AzureAutomation', 'PSEdition_Core', 'PSEdition_Desktop') { $manifest.PrivateData.PSData.Tags | Should -Contain $tag }
    }

    It 'lays out a small package: assemblies, manifest, format, help and license; no symbols or XML docs; the sandbox included' {
        $root = Get-ModuleUnderTest
        $files = Get-ChildItem $root -Recurse -File
        $files | Where-Object { $_.Extension -in '.pdb', '.json', '.deps' -or ($_.Extension -eq '.xml' -and $_.Name -notlike '*-Help.xml') } | Should -BeNullOrEmpty
        Test-Path (Join-Path $root 'Dependencies/ZoomHubPS.Sandbox.dll') | Should -BeTrue
        Test-Path (Join-Path $root 'LICENSE') | Should -BeTrue
        # Small: 4.3 MB unpacked today; a symbol file or a second copy of a dependency would show here.
        ($files | Measure-Object Length -Sum).Sum | Should -BeLessThan 8MB
    }
}

Describe 'README' {
    It 'the quick start is what the main job runs' {
        $readme = Get-Content (Join-Path $repo 'README.md') -Raw
        $demo = Get-Content (Join-Path $repo 'tools/Invoke-Demo.ps1') -Raw
        $block = [regex]::Match($readme, '(?s)## Quick start\s*```powershell\s*(.*?)```').Groups[1].Value
        $commands = $block -split "`r?`n" | ForEach-Object { ($_ -replace '#.*$', '').Trim() } | Where-Object { $_ -and $_ -notlike 'Import-Module*' }
        $commands.Count | Should -BeGreaterOrEqual 4
        foreach ($c in $commands) { $demo | Should -Match ([regex]::Escape($c)) -Because "the demo runs '$c'" }
    }

    It 'keeps the two newcomer commands and shows the console habits' {
        $readme = Get-Content (Join-Path $repo 'README.md') -Raw
        $readme | Should -Match ([regex]::Escape('dotnet tool restore && dotnet pwsh ./build.ps1 -Task Demo'))
        $readme | Should -Match ([regex]::Escape('dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test'))
        foreach ($habit in 'Progress', 'ListAvailable', '<Tab>', 'InformationVariable', '-Prefix') { $readme | Should -Match ([regex]::Escape($habit)) }
    }
}
