import { describe, expect, it } from 'vitest'
import { crashUploadUrl, jobArguments } from './crash-job'

describe('a CrashUploader job line', () => {
  it('keeps quoted arguments with spaces whole', () => {
    expect(
      jobArguments(
        '"C:\\Program Files\\Plex\\CrashUploader.exe" "--platformVersion=10.0 (Build 19045)" --vendor=ASUS',
      ),
    ).toEqual([
      'C:\\Program Files\\Plex\\CrashUploader.exe',
      '--platformVersion=10.0 (Build 19045)',
      '--vendor=ASUS',
    ])
  })

  it('becomes a POST to its Sentry URL carrying every argument that leaves (Windows 1.41.3, reference §9.2)', () => {
    const url = crashUploadUrl(
      'Job running: "C:\\Program Files\\Plex\\Plex Media Server\\CrashUploader.exe" "--directory=C:\\Users\\x\\Crash Reports\\1.41.3" --version=1.41.3.9314-a0bfb8370 --platform=Windows "--platformVersion=10.0 (Build 19045)" --serverUuid=ea387404 --userId=owner@example.com --sentryUrl=https://o17675.ingest.sentry.io/api/1233455/ --sentryKey=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx --sessionStatus=crashed',
    )
    expect(url).toBe(
      'https://o17675.ingest.sentry.io/api/1233455/?version=1.41.3.9314-a0bfb8370&platform=Windows&platformVersion=10.0%20(Build%2019045)&serverUuid=ea387404&userId=owner%40example.com&sessionStatus=crashed',
    )
  })

  it('reads the quoted pre-Sentry --url of 2019 builds without the closing quote in the host', () => {
    expect(
      crashUploadUrl(
        "Job running: '/usr/lib/plexmediaserver/CrashUploader' '--directory=/config/Crash Reports/1.14.1' '--version=1.14.1' '--url=https://crashreport.plexapp.com'",
      ),
    ).toBe('https://crashreport.plexapp.com?version=1.14.1')
  })

  it('marks a bare flag such as --allowRetries as true', () => {
    expect(
      crashUploadUrl(
        'Job running: CrashUploader --sentryUrl=https://s.example/api/1/ --allowRetries',
      ),
    ).toBe('https://s.example/api/1/?allowRetries=true')
  })

  it('is no upload without a URL to send to', () => {
    expect(crashUploadUrl('Job running: CrashUploader --version=1')).toBeNull()
  })
})
