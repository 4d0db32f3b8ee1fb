import { profileIds, type ProfileId } from '../../../../electron/common/switches/switch-types'
import { useLanguage, useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'
import { valueOf } from '../../store/loadable'

/** The four profiles as a radio group; choosing one previews its changes. */
export function ProfilePicker() {
  const text = useText()
  const language = useLanguage()
  const profiles = useAppStore(s => s.catalog.profiles)
  const planned = useAppStore(s => s.plannedProfile)
  const current = useAppStore(s => valueOf(s.switchboard)?.profile ?? null)
  const plan = useAppStore(s => s.profilePlanned)
  const choose = (profile: ProfileId) => void plan(profile)
  return (
    <fieldset className="card profile-picker">
      <legend className="visually-hidden">{text.switches.profile}</legend>
      <div className="card-header">
        <div>
          <h2 aria-hidden="true">{text.switches.profile}</h2>
          <p className="sub">
            {current
              ? text.switches.currentProfile(profiles[current].title[language])
              : text.switches.noProfile}
          </p>
        </div>
      </div>
      <div className="profile-options">
        {profileIds.map(id => (
          <label key={id} className="profile-option">
            <input
              type="radio"
              name="profile"
              value={id}
              checked={planned === id}
              onChange={() => choose(id)}
            />
            <span className="profile-name">{profiles[id].title[language]}</span>
            <span className="profile-description">{profiles[id].description[language]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
