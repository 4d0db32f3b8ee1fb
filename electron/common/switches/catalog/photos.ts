import type { SwitchEntry } from '../switch-types'
import { boolLibraryPref, boolPref, profiles } from './define'

/**
 * Switches of the photo flows (docs/privacy-map.md, collected item 3, photos): place names from GPS
 * coordinates, automatic tags from image recognition, and who may see the places.
 */
export const photoSwitches: readonly SwitchEntry[] = [
  {
    id: 'reverse-geocoding',
    flow: 'photo-analysis',
    title: { en: 'Place names for photos', zh: '照片地点名称' },
    data: {
      en: 'The GPS coordinates stored in your photos.',
      zh: '照片里记录的 GPS 坐标。',
    },
    recipient: {
      en: "A place-name lookup service reached through Plex (OpenStreetMap's Nominatim, going by Plex's own event names).",
      zh: '经由 Plex 调用的地名查询服务（从 Plex 自己的事件名称看，是 OpenStreetMap 的 Nominatim）。',
    },
    purpose: {
      en: 'To turn coordinates into the names of towns and places shown with your photos.',
      zh: '把坐标换算成城镇和地点的名称，显示在照片旁边。',
    },
    breaks: {
      en: 'New photos show no place names. The coordinates stay in the files.',
      zh: '新照片不再显示地点名称，坐标仍然保存在文件里。',
    },
    policyItems: [{ part: 'collect', item: 3 }],
    evidence: { kind: 'unknown-shape' },
    targets: [boolPref('ButlerTaskReverseGeocode')],
    profiles: profiles('keep', 'off', 'off'),
    quickToggle: false,
  },
  {
    id: 'photo-tagging',
    flow: 'photo-analysis',
    title: { en: 'Automatic photo tags', zh: '照片自动标签' },
    data: {
      en: 'Small copies (thumbnails) of your photos.',
      zh: '照片的小尺寸副本（缩略图）。',
    },
    recipient: {
      en: "An image-recognition service reached through Plex (Imagga, going by Plex's own event names).",
      zh: '经由 Plex 调用的图像识别服务（从 Plex 自己的事件名称看，是 Imagga）。',
    },
    purpose: {
      en: 'To recognise what each picture shows and tag it, such as "beach" or "dog", for searching.',
      zh: '识别每张照片拍的是什么并打上标签，比如“海滩”“狗”，方便搜索。',
    },
    breaks: {
      en: 'New photos get no automatic tags, so a search by what a picture shows finds less.',
      zh: '新照片不再自动打标签，按画面内容搜索照片时找到的会变少。',
    },
    policyItems: [{ part: 'collect', item: 3 }],
    evidence: { kind: 'unknown-shape' },
    // The server task does the work; the library pref says which photo libraries take part.
    targets: [
      boolPref('ButlerTaskGenerateAutoTags'),
      boolLibraryPref('enableAutoPhotoTags', ['photo']),
    ],
    profiles: profiles('keep', 'off', 'off'),
    quickToggle: false,
  },
  {
    id: 'location-visibility',
    flow: 'photo-analysis',
    title: { en: 'Photo places shown to everyone', zh: '向所有人显示照片地点' },
    data: {
      en: 'The place names of your photos, shown to the people you share libraries with.',
      zh: '照片的地点名称，会显示给与您共享媒体库的人。',
    },
    recipient: {
      en: 'Every user who can open your photo libraries, not only you.',
      zh: '所有能打开您照片库的用户，而不只是您自己。',
    },
    purpose: {
      en: 'So that friends and family can see where photos were taken.',
      zh: '让亲友也能看到照片是在哪里拍的。',
    },
    breaks: {
      en: 'Only you, the owner of the server, see where photos were taken.',
      zh: '只有您（服务器所有者）能看到照片的拍摄地点。',
    },
    policyItems: [{ part: 'collect', item: 3 }],
    evidence: { kind: 'not-visible', why: 'stays-on-server' },
    // 1 = admin only (Plex's default), 2 = everyone.
    targets: [{ kind: 'server-pref', prefId: 'LocationVisibility', on: 2, off: 1 }],
    profiles: profiles('keep', 'off', 'off'),
    quickToggle: false,
  },
]
